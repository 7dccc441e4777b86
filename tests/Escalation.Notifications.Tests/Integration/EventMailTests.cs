using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Escalation.Notifications.Tests.TestSupport;

namespace Escalation.Notifications.Tests.Integration;

/// <summary>
/// Each event of an escalation's life, from the engine's own moves and timers to mails read back from a real SMTP
/// server: who receives each one, its subject and its link.
/// </summary>
[Collection(MaildevGroup.Name)]
[Trait("Category", "smtp")]
public sealed class EventMailTests(MaildevFixture maildev) : IAsyncLifetime
{
    private readonly HashSet<Guid> _checked = [];
    private NotificationsHost _host = null!;
    private TestPartnership _people = null!;

    private Maildev Server => maildev.Server;

    public async Task InitializeAsync()
    {
        await Server.ClearAsync();
        _host = await NotificationsHost.StartAsync(SmtpDeliveryTests.Smtp(Server.SmtpPort));
        _people = await _host.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delivery_EscalationLifeFromRaiseToResolution_MailsEachEventToItsRecipients()
    {
        // Friday 18 December 2026: stage 1 is due at the end of Tuesday 29 December (Christmas and Boxing Day are bank holidays).
        var escalation = await _host.RaiseAsync(_people.Teacher, _people.Raise());
        await ExpectAsync(escalation, "raised", "raised", "tess.teacher", "sol.worker", "bea.officer");

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 25, 0, 0, 0, TimeSpan.Zero));
        await _host.FireDueTimersAsync();
        await ExpectAsync(escalation, "reminder", "Reminder: escalation", "tess.teacher", "sol.worker");

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 0, 0, 1, TimeSpan.Zero));
        await _host.FireDueTimersAsync();
        // One mail each for the moment the deadline passed and it moved up, saying both.
        await ExpectAsync(escalation, "deadline-missed", "Deadline missed: escalation " + escalation.Reference + " is now at stage 2: Manager",
            "tess.teacher", "sol.worker", "mina.manager", "mo.manager");
        Assert.DoesNotContain(await _host.OutboxAsync(), o => o.TemplateKey == "stage-entered");

        await Server.ClearAsync();
        await _host.MoveAsync(escalation.Id, _people.Teacher, new Escalate("No agreement between the managers"));
        await ExpectAsync(escalation, "stage-entered", "is now at stage 3: Senior", "tess.teacher", "sol.worker", "sam.senior", "cal.senior");

        await Server.ClearAsync();
        await _host.MoveAsync(escalation.Id, _people.Teacher, new Resolve(OutcomeKind.DecisionChanged, "Agreed: a strategy discussion"));
        await ExpectAsync(escalation, "resolved", "has been resolved",
            "tess.teacher", "sol.worker", "mina.manager", "mo.manager", "sam.senior", "cal.senior", "bea.officer");
    }

    [Fact]
    public async Task Delivery_RaisedAtStage3_OneRaisedMailEach_SayingTheStage_NoStageEnteredMail()
    {
        var escalation = await _host.RaiseAsync(_people.Teacher, _people.Raise(startAtStage: 3));

        await ExpectAsync(escalation, "raised", "at stage 3: Senior", "tess.teacher", "sol.worker", "sam.senior", "cal.senior", "bea.officer");
        Assert.DoesNotContain(await _host.OutboxAsync(), o => o.TemplateKey == "stage-entered");
    }

    [Fact]
    public async Task Delivery_WithdrawnEscalation_MailsThePartiesAndTheBoardBusinessUnit()
    {
        var escalation = await _host.RaiseAsync(_people.Teacher, _people.Raise());
        await _host.DeliverAsync();
        await Server.WaitForEmailsAsync(3);
        await Server.ClearAsync();

        await _host.MoveAsync(escalation.Id, _people.Teacher, new Withdraw("Resolved informally"));

        await ExpectAsync(escalation, "withdrawn", "has been withdrawn", "tess.teacher", "sol.worker", "bea.officer");
    }

    /// <summary>
    /// Sends what is due, then checks the mails of one template not checked before: to exactly these people, once each,
    /// with subject and link.
    /// </summary>
    private async Task ExpectAsync(EscalationRecord escalation, string templateKey, string subject, params string[] people)
    {
        await _host.DeliverAsync();
        var rows = (await _host.OutboxAsync()).Where(o => o.TemplateKey == templateKey && _checked.Add(o.Id)).ToList();
        Assert.All(rows, r => Assert.Equal(OutboxState.Sent, r.State));
        var mails = await Server.WaitForMessagesAsync([.. rows.Select(r => r.MessageId)]);

        Assert.Equal(people.Select(p => p + "@example.org").Order(), mails.SelectMany(m => m.To).Order());
        Assert.All(mails, mail =>
        {
            Assert.Contains(subject, mail.Subject, StringComparison.Ordinal);
            Assert.Contains(escalation.Reference, mail.Subject, StringComparison.Ordinal);
            Assert.Contains($"https://escalations.example.org/escalations/{escalation.Id}", mail.Text, StringComparison.Ordinal);
            Assert.Contains($"href=\"https://escalations.example.org/escalations/{escalation.Id}\"", mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(TestPartnership.SecretConcern, mail.Text + mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Agreed: a strategy discussion", mail.Text + mail.Html, StringComparison.Ordinal);
        });
    }
}
