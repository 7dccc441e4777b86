using System.Net;
using System.Text.Json.Nodes;
using Escalation.Data.Entities;
using Escalation.Notifications.Delivery;
using Escalation.Services.Decisions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Escalation.Web.Tests.Decisions;

/// <summary>When no referral is made, a reminder goes to the assessor on the review date: once, even after downtime.</summary>
public sealed class ReviewReminderTests : IAsyncLifetime
{
    private readonly DecisionHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Review_On4January2027_FiresOnceAtTheStartOfTheDayWithTheOutboxMail()
    {
        var id = await _host.RecordAsync(_host.People.Teacher, Bodies.NoConcern14(reviewDate: "2027-01-04"));

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 3, 23, 59, 59, TimeSpan.Zero));
        var early = await _host.FireReviewsAsync();
        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 0, 0, 1, TimeSpan.Zero));
        var onTheDay = await _host.FireReviewsAsync();
        _host.Clock.Advance(TimeSpan.FromHours(5));
        var again = await _host.FireReviewsAsync();

        Assert.Equal((0, 1, 0), (early, onTheDay, again));
        var mail = Assert.Single(await _host.ReviewMailsAsync());
        Assert.Equal(_host.People.Teacher, mail.RecipientPersonId);
        Assert.Equal("tess.teacher@example.org", mail.RecipientEmail);
        Assert.Equal(DecisionReviews.Audience, mail.RecipientAudience);
        Assert.Null(mail.EscalationId);
        var payload = JsonNode.Parse(mail.Payload!)!;
        Assert.Equal(id.ToString(), payload["assessmentId"]!.GetValue<string>());
        Assert.Equal("CH-2211", payload["childReference"]!.GetValue<string>());
        Assert.Equal("2027-01-04", payload["reviewDate"]!.GetValue<string>());
        var review = Assert.Single(await _host.ReviewsAsync());
        Assert.Equal(TimerState.Fired, review.State);
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 0, 0, 1, TimeSpan.Zero), review.DoneAt);
    }

    [Fact]
    public async Task Review_InBritishSummerTime_FallsDueAtLocalMidnight()
    {
        await _host.RecordAsync(_host.People.Teacher, Bodies.NoConcern14(reviewDate: "2027-06-01"));

        Assert.Equal(new DateTimeOffset(2027, 5, 31, 23, 0, 0, TimeSpan.Zero), Assert.Single(await _host.ReviewsAsync()).DueAt);
    }

    [Fact]
    public async Task Review_ServiceDownOverTwoReviewDates_CatchesUpOnceEach()
    {
        var later = await _host.RecordAsync(_host.People.Teacher, Bodies.NoConcern14(reviewDate: "2027-03-01", child: "CH-LATER"));
        var sooner = await _host.RecordAsync(_host.People.SocialWorker, Bodies.NoConcern14(reviewDate: "2027-02-01", child: "CH-SOONER"));

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var fired = await _host.FireReviewsAsync();
        var firedAgain = await _host.FireReviewsAsync();

        Assert.Equal((2, 0), (fired, firedAgain));
        var mails = await _host.ReviewMailsAsync();
        // Both mails are queued at the same instant, so the outbox cannot show their order; each is there once.
        Assert.Equal(new[] { sooner.ToString(), later.ToString() }.Order(),
            mails.Select(m => JsonNode.Parse(m.Payload!)!["assessmentId"]!.GetValue<string>()).Order());
        Assert.Equal(new[] { _host.People.SocialWorker, _host.People.Teacher }.Order(), mails.Select(m => m.RecipientPersonId!.Value).Order());
    }

    [Fact]
    public async Task Review_AfterItFired_ReadsBackAsFired()
    {
        var id = await _host.RecordAsync(_host.People.Teacher, Bodies.NoConcern14(reviewDate: "2026-12-19"));
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 19, 8, 0, 0, TimeSpan.Zero));
        await _host.FireReviewsAsync();

        var read = await _host.GetAsync(_host.People.Teacher, $"{DecisionHost.Path}/assessments/{id}");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("fired", read.Json!["review"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Review_FiredMail_IsDeliveredWithTheChildReferenceAndALinkToTheAssessment()
    {
        var id = await _host.RecordAsync(_host.People.Teacher, Bodies.NoConcern14(reviewDate: "2027-01-04"));
        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero));
        await _host.FireReviewsAsync();

        await _host.Host.InScopeAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverDueAsync(50));
        var pickup = _host.Host.Services.GetRequiredService<IConfiguration>()["Escalation:Mail:PickupDirectory"]!;

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(pickup, "*.eml")));
        Assert.Equal("tess.teacher@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("CH-2211", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/decisions/sexual-activity/assessments/{id}", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Dee Lead", message.TextBody, StringComparison.Ordinal);
    }
}
