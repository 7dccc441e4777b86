using Escalation.Data.Entities;
using Escalation.Notifications.Delivery;
using Escalation.Notifications.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Escalation.Notifications.Tests.Delivery;

public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private readonly IMailTransport _transport = Substitute.For<IMailTransport>();
    private readonly List<MimeMessage> _sent = [];
    private NotificationsHost _host = null!;

    public async Task InitializeAsync()
    {
        _transport.SendAsync(Arg.Do<MimeMessage>(_sent.Add), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        _host = await NotificationsHost.StartAsync(transport: _transport);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delivery_BatchOfMails_SendsAllOverOneConnectionAndMarksThemSent()
    {
        var rows = await _host.QueueInvitationsAsync(5);

        var result = await _host.DeliverAsync();

        Assert.Equal(new DeliveryResult(5, 5, 0, 0), result);
        await _transport.Received(1).ConnectAsync(Arg.Any<CancellationToken>());
        await _transport.Received(5).SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>());
        await _transport.Received(1).DisconnectAsync(Arg.Any<CancellationToken>());
        var outbox = await _host.OutboxAsync();
        Assert.All(outbox, o => Assert.Equal(OutboxState.Sent, o.State));
        Assert.All(outbox, o => Assert.Equal(NotificationsHost.Start, o.SentAt));
        Assert.All(outbox, o => Assert.Null(o.LeaseOwner));
        Assert.Equal(rows.Select(r => r.MessageId).Order(), _sent.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Delivery_SentMail_IsMultipartWithTextAndHtmlAndAddressedToTheRecipient()
    {
        await _host.QueueInvitationsAsync(1);

        await _host.DeliverAsync();

        var message = Assert.Single(_sent);
        Assert.Equal("person1@example.org", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("Person 1", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Name);
        Assert.Equal("no-reply@localhost", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Contains("token-1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("token-1", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task Delivery_MailNotYetDue_IsNotSent()
    {
        await _host.InScopeAsync(sp => TestMails.QueueAsync(sp,
            [TestMails.DecisionReviewDue("Tess", "tess@example.org", "CH-1", new DateOnly(2027, 1, 4), sendAt: NotificationsHost.Start.AddDays(1))]));

        Assert.Equal(DeliveryResult.None, await _host.DeliverAsync());
        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await _host.DeliverAsync()).Sent);
    }

    [Fact]
    public async Task Delivery_WhenASendFails_RetriesLaterWithBackOffWithinTheJitterBounds()
    {
        var row = (await _host.QueueInvitationsAsync(1))[0];
        _transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new MailTransportException(MailFailure.Temporary, "The relay refused the mail: 451 try later"));

        var first = await _host.DeliverAsync();
        var afterOne = await _host.OutboxAsync(row.Id);
        _host.Clock.SetUtcNow(afterOne.NextAttemptAt);
        await _host.DeliverAsync();
        var afterTwo = await _host.OutboxAsync(row.Id);

        Assert.Equal(new DeliveryResult(1, 0, 1, 0), first);
        Assert.Equal(OutboxState.Pending, afterOne.State);
        Assert.Equal(1, afterOne.Attempts);
        Assert.Equal("The relay refused the mail: 451 try later", afterOne.LastError);
        Assert.InRange(afterOne.NextAttemptAt - NotificationsHost.Start, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        Assert.Equal(2, afterTwo.Attempts);
        Assert.InRange(afterTwo.NextAttemptAt - afterOne.NextAttemptAt, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        Assert.Null(afterTwo.LeaseOwner);
    }

    [Fact]
    public async Task Delivery_AfterTheLastAttempt_ParksTheMailAsFailedAndStopsTrying()
    {
        var row = (await _host.QueueInvitationsAsync(1))[0];
        _transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("boom"));

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            _host.Clock.Advance(TimeSpan.FromHours(2));
            await _host.DeliverAsync();
        }

        _host.Clock.Advance(TimeSpan.FromDays(1));
        var afterParking = await _host.DeliverAsync();
        var parked = await _host.OutboxAsync(row.Id);

        Assert.Equal(OutboxState.Failed, parked.State);
        Assert.Equal(8, parked.Attempts);
        Assert.Equal("InvalidOperationException: boom", parked.LastError);
        Assert.Equal(DeliveryResult.None, afterParking);
        await _transport.Received(8).SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Delivery_WhenTheRelayRejectsAMailForGood_ParksItAtOnceAndSendsTheRest()
    {
        var rows = await _host.QueueInvitationsAsync(3);
        _transport.SendAsync(Arg.Is<MimeMessage>(m => m.MessageId == rows[1].MessageId), Arg.Any<CancellationToken>())
            .ThrowsAsync(new MailTransportException(MailFailure.Rejected, "The relay refused the mail: 550 no such mailbox"));

        var result = await _host.DeliverAsync();

        Assert.Equal(new DeliveryResult(3, 2, 0, 1), result);
        var parked = await _host.OutboxAsync(rows[1].Id);
        Assert.Equal(OutboxState.Failed, parked.State);
        Assert.Equal(1, parked.Attempts);
        Assert.Equal(OutboxState.Sent, (await _host.OutboxAsync(rows[2].Id)).State);
    }

    [Fact]
    public async Task Delivery_WhenTheRelayIsUnreachable_KeepsEveryMailPendingWithALaterAttemptAndNeverParks()
    {
        await _host.QueueInvitationsAsync(3);
        _transport.ConnectAsync(Arg.Any<CancellationToken>())
            .ThrowsAsync(new MailTransportException(MailFailure.Unavailable, "Could not connect to the SMTP relay"));

        var first = await _host.DeliverAsync();
        for (var i = 0; i < 20; i++)
        {
            _host.Clock.Advance(TimeSpan.FromHours(1));
            await _host.DeliverAsync();
        }

        var outbox = await _host.OutboxAsync();
        Assert.Equal(new DeliveryResult(3, 0, 3, 0), first);
        Assert.All(outbox, o => Assert.Equal(OutboxState.Pending, o.State));
        Assert.All(outbox, o => Assert.Equal(21, o.Attempts));
        Assert.All(outbox, o => Assert.True(o.NextAttemptAt > _host.Clock.GetUtcNow()));
        await _transport.DidNotReceive().SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Delivery_WhenTheConnectionDropsMidBatch_SendsWhatWentAndRetriesTheRestLater()
    {
        var rows = await _host.QueueInvitationsAsync(4);
        var sends = 0;
        _transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>()).Returns(_ =>
            ++sends == 3 ? throw new MailTransportException(MailFailure.Unavailable, "The connection to the SMTP relay failed") : Task.CompletedTask);

        var result = await _host.DeliverAsync();

        Assert.Equal(new DeliveryResult(4, 2, 2, 0), result);
        var outbox = await _host.OutboxAsync();
        Assert.Equal(2, outbox.Count(o => o.State == OutboxState.Sent));
        Assert.Equal(2, outbox.Count(o => o is { State: OutboxState.Pending, Attempts: 1 }));
        await _transport.Received(1).DisconnectAsync(Arg.Any<CancellationToken>());
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task Delivery_WhenRetried_SendsTheSameMessageIdEveryTime()
    {
        var row = (await _host.QueueInvitationsAsync(1))[0];
        var messageIds = new List<string>();
        var calls = 0;
        _transport.SendAsync(Arg.Do<MimeMessage>(m => messageIds.Add(m.MessageId ?? "(none)")), Arg.Any<CancellationToken>())
            .Returns(_ => ++calls < 3 ? throw new MailTransportException(MailFailure.Temporary, "451") : Task.CompletedTask);

        for (var i = 0; i < 3; i++)
        {
            await _host.DeliverAsync();
            _host.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal([row.MessageId, row.MessageId, row.MessageId], messageIds);
        Assert.Equal(OutboxState.Sent, (await _host.OutboxAsync(row.Id)).State);
    }

    [Fact]
    public async Task Delivery_ErrorContainingTheSmtpPassword_IsStoredWithoutIt()
    {
        await using var host = await NotificationsHost.StartAsync(
            new Dictionary<string, string?> { ["Escalation:Smtp:Password"] = "s3cret-pa55" }, _transport);
        var row = (await host.QueueInvitationsAsync(1))[0];
        _transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new MailTransportException(MailFailure.Temporary, "AUTH failed for s3cret-pa55"));

        await host.DeliverAsync();

        Assert.Equal("AUTH failed for ***", (await host.OutboxAsync(row.Id)).LastError);
    }
}
