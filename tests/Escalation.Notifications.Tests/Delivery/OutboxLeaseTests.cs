using System.Collections.Concurrent;
using Escalation.Data.Entities;
using Escalation.Notifications.Delivery;
using Escalation.Notifications.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NSubstitute;

namespace Escalation.Notifications.Tests.Delivery;

public sealed class OutboxLeaseTests : IAsyncLifetime
{
    private readonly IMailTransport _transport = Substitute.For<IMailTransport>();
    private NotificationsHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationsHost.StartAsync(transport: _transport, node: "node-a");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delivery_MailLeasedByAnotherNode_IsLeftAloneUntilTheLeaseRunsOut()
    {
        var row = (await _host.QueueInvitationsAsync(1))[0];
        await SetLeaseAsync(row.Id, "node-b", NotificationsHost.Start.AddMinutes(2));

        var whileLeased = await _host.DeliverAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var afterExpiry = await _host.DeliverAsync();

        Assert.Equal(DeliveryResult.None, whileLeased);
        Assert.Equal(1, afterExpiry.Sent);
        Assert.Equal(OutboxState.Sent, (await _host.OutboxAsync(row.Id)).State);
    }

    [Fact]
    public async Task Delivery_ClaimedMail_CarriesThisNodesLeaseWhileItIsSent()
    {
        var row = (await _host.QueueInvitationsAsync(1))[0];
        OutboxMessage? duringSend = null;
        _transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>())
            .Returns(async _ => duringSend = await _host.OutboxAsync(row.Id));

        await _host.DeliverAsync();

        Assert.Equal("node-a", duringSend!.LeaseOwner);
        Assert.Equal(NotificationsHost.Start.AddMinutes(2), duringSend.LeaseUntil);
    }

    [Fact]
    public async Task Delivery_LeaseTakenOverWhileSending_IsNotMarkedSentByThisNode()
    {
        var row = (await _host.QueueInvitationsAsync(1))[0];
        _transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>())
            .Returns(_ => SetLeaseAsync(row.Id, "node-b", NotificationsHost.Start.AddMinutes(10)));

        var result = await _host.DeliverAsync();

        var after = await _host.OutboxAsync(row.Id);
        Assert.Equal(0, result.Sent);
        Assert.Equal(OutboxState.Pending, after.State);
        Assert.Equal("node-b", after.LeaseOwner);
    }

    [Fact]
    public async Task Delivery_LeaseRunsOutMidBatch_StopsSendingAndLeavesTheRestForTheNextClaim()
    {
        await _host.QueueInvitationsAsync(3);
        _transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                _host.Clock.Advance(TimeSpan.FromMinutes(3));
                return Task.CompletedTask;
            });

        var first = await _host.DeliverAsync();
        var second = await _host.DeliverAsync();

        Assert.Equal(new DeliveryResult(3, 1, 0, 0), first);
        Assert.Equal(2, second.Claimed);
        Assert.All(await _host.OutboxAsync(), o => Assert.Equal(0, o.Attempts));
    }

    [Fact]
    public async Task Delivery_TwoNodesAtOnce_SendEachMailExactlyOnce()
    {
        var rows = await _host.QueueInvitationsAsync(60);
        var sent = new ConcurrentBag<string>();
        var otherTransport = Substitute.For<IMailTransport>();
        foreach (var transport in new[] { _transport, otherTransport })
        {
            transport.SendAsync(Arg.Any<MimeMessage>(), Arg.Any<CancellationToken>()).Returns(async call =>
            {
                sent.Add(call.Arg<MimeMessage>().MessageId!);
                await Task.Yield();
            });
        }

        await using var other = await NotificationsHost.StartAsync(transport: otherTransport, node: "node-b", databaseFolder: _host.Folder);

        async Task DrainAsync(NotificationsHost host)
        {
            while ((await host.DeliverAsync(batchSize: 7)).Claimed > 0)
            {
            }
        }

        await Task.WhenAll(Task.Run(() => DrainAsync(_host)), Task.Run(() => DrainAsync(other)));

        Assert.Equal(rows.Select(r => r.MessageId).Order(), sent.Order());
        Assert.All(await _host.OutboxAsync(), o => Assert.Equal(OutboxState.Sent, o.State));
    }

    private Task<int> SetLeaseAsync(Guid id, string owner, DateTimeOffset until) =>
        _host.InDbAsync(db => db.Outbox.Where(o => o.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, owner).SetProperty(o => o.LeaseUntil, until)));
}
