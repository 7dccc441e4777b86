using Escalation.Data.Entities;
using Escalation.Notifications.Admin;
using Escalation.Notifications.Delivery;
using Escalation.Notifications.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NSubstitute;
using NSubstitute.ClearExtensions;
using NSubstitute.ExceptionExtensions;

namespace Escalation.Notifications.Tests.Delivery;

public sealed class OutboxAdminTests : IAsyncLifetime
{
    private readonly IMailTransport _transport = Substitute.For<IMailTransport>();
    private NotificationsHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationsHost.StartAsync(transport: _transport);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListAsync_Failed_ShowsParkedMailsWithTheirErrorAndNothingElse()
    {
        var rows = await _host.QueueInvitationsAsync(2);
        _transport.SendAsync(Arg.Is<MimeMessage>(m => m.MessageId == rows[0].MessageId), Arg.Any<CancellationToken>())
            .ThrowsAsync(new MailTransportException(MailFailure.Rejected, "The relay refused the mail: 550 unknown user"));
        await _host.DeliverAsync();

        var failed = await Admin(a => a.ListAsync(OutboxState.Failed));
        var sent = await Admin(a => a.ListAsync(OutboxState.Sent));

        var entry = Assert.Single(failed);
        Assert.Equal(new OutboxEntry(rows[0].Id, rows[0].MessageId, "invitation", "person1@example.org", 1,
            "The relay refused the mail: 550 unknown user", NotificationsHost.Start, NotificationsHost.Start), entry);
        Assert.Equal(rows[1].Id, Assert.Single(sent).Id);
    }

    [Fact]
    public async Task RetryAsync_ParkedMail_IsQueuedAgainWithAttemptsResetAndTheSameMessageId()
    {
        var row = (await _host.QueueInvitationsAsync(1))[0];
        _transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new MailTransportException(MailFailure.Rejected, "550"));
        await _host.DeliverAsync();
        _transport.ClearSubstitute(ClearOptions.ReturnValues);
        var resent = new List<string?>();
        _transport.SendAsync(Arg.Do<MimeMessage>(m => resent.Add(m.MessageId)), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        _host.Clock.Advance(TimeSpan.FromHours(3));

        var retried = await Admin(a => a.RetryAsync(row.Id));
        var queued = await _host.OutboxAsync(row.Id);
        await _host.DeliverAsync();

        Assert.True(retried);
        Assert.Equal(OutboxState.Pending, queued.State);
        Assert.Equal(0, queued.Attempts);
        Assert.Equal(_host.Clock.GetUtcNow(), queued.NextAttemptAt);
        Assert.Equal([row.MessageId], resent);
        Assert.Equal(OutboxState.Sent, (await _host.OutboxAsync(row.Id)).State);
    }

    [Fact]
    public async Task RetryAsync_MailThatIsNotParked_ReturnsFalseAndChangesNothing()
    {
        var row = (await _host.QueueInvitationsAsync(1))[0];

        Assert.False(await Admin(a => a.RetryAsync(row.Id)));
        Assert.False(await Admin(a => a.RetryAsync(Guid.NewGuid())));
        Assert.Equal(OutboxState.Pending, (await _host.OutboxAsync(row.Id)).State);
    }

    private Task<T> Admin<T>(Func<OutboxAdmin, Task<T>> work) => _host.InScopeAsync(sp => work(sp.GetRequiredService<OutboxAdmin>()));
}
