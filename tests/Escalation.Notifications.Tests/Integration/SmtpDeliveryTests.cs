using Escalation.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using Escalation.Notifications.Tests.TestSupport;

namespace Escalation.Notifications.Tests.Integration;

[Collection(MaildevGroup.Name)]
[Trait("Category", "smtp")]
public sealed class SmtpDeliveryTests(MaildevFixture maildev) : IAsyncLifetime
{
    private static readonly string[] RefusalRecipients = ["first@example.org", "reject-me@example.org", "third@example.org"];
    private NotificationsHost _host = null!;

    private Maildev Server => maildev.Server;

    public async Task InitializeAsync()
    {
        await Server.ClearAsync();
        _host = await NotificationsHost.StartAsync(Smtp(Server.SmtpPort));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Escalation:Smtp:Host"] = "127.0.0.1",
        ["Escalation:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Escalation:Smtp:Security"] = "None",
        ["Escalation:Smtp:From"] = "Safeguarding partnership <escalations@partnership.example.org>",
        ["Escalation:BaseUrl"] = "https://escalations.example.org",
        // A shorter wait than the default, so a test run does not linger on a connection that will not come.
        ["Escalation:Smtp:Timeout"] = "00:00:05",
    };

    [Fact]
    public async Task Delivery_ToARealSmtpServer_EachMailArrivesOnceWithHtmlTextAndItsMessageId()
    {
        var people = await _host.SeedAsync();
        var escalation = await _host.RaiseAsync(people.Teacher, people.Raise());
        var rows = await _host.OutboxAsync();

        var result = await _host.DeliverAsync();
        var again = await _host.DeliverAsync();
        var received = await Server.WaitForEmailsAsync(rows.Count);

        Assert.Equal(3, rows.Count);
        Assert.Equal(3, result.Sent);
        Assert.Equal(0, again.Claimed);
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Select(m => m.MessageId).Order());
        Assert.All(received, mail =>
        {
            Assert.False(string.IsNullOrWhiteSpace(mail.Html));
            Assert.False(string.IsNullOrWhiteSpace(mail.Text));
            Assert.Contains(escalation.Reference, mail.Subject, StringComparison.Ordinal);
            Assert.Contains($"https://escalations.example.org/escalations/{escalation.Id}", mail.Text, StringComparison.Ordinal);
            Assert.Contains("by the end of Tuesday 29 December 2026", mail.Text, StringComparison.Ordinal);
            Assert.Contains("CH-1042", mail.Html, StringComparison.Ordinal);
            foreach (var secret in new[] { TestPartnership.SecretConcern, TestPartnership.SecretDecision, "A strategy discussion" })
            {
                Assert.DoesNotContain(secret, mail.Html, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, mail.Text, StringComparison.Ordinal);
            }
        });
        Assert.All(await _host.OutboxAsync(), o => Assert.Equal(OutboxState.Sent, o.State));
    }

    [Fact]
    public async Task Delivery_ChildReferenceWithMarkupAndTemplateSyntax_ArrivesEscapedAndLiteral()
    {
        var people = await _host.SeedAsync();
        await _host.RaiseAsync(people.Teacher, people.Raise(childReference: "<script>x</script>{{ 1+1 }}"));

        await _host.DeliverAsync();
        var received = await Server.WaitForEmailsAsync(3);

        Assert.All(received, mail =>
        {
            Assert.Contains("&lt;script&gt;x&lt;/script&gt;{{ 1+1 }}", mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
            Assert.Contains("<script>x</script>{{ 1+1 }}", mail.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Delivery_WhenSmtpIsDown_RetriesWithBackOffAndKeepsTheMessageId()
    {
        var port = Ports.Free();
        await using var host = await NotificationsHost.StartAsync(Smtp(port));
        var rows = await host.QueueInvitationsAsync(4);

        var whileDown = await host.DeliverAsync();
        var pending = await host.OutboxAsync();
        await using var relay = await Maildev.StartAsync(port);
        host.Clock.Advance(TimeSpan.FromSeconds(31));
        var afterRestart = await host.DeliverAsync();
        var later = await host.DeliverAsync();
        var received = await relay.WaitForEmailsAsync(rows.Count);

        Assert.Equal(4, whileDown.Retried);
        Assert.All(pending, o =>
        {
            Assert.Equal(OutboxState.Pending, o.State);
            Assert.Equal(1, o.Attempts);
            Assert.InRange(o.NextAttemptAt - NotificationsHost.Start, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
            Assert.StartsWith("Could not connect to the SMTP relay 127.0.0.1:", o.LastError, StringComparison.Ordinal);
        });
        Assert.Equal(4, afterRestart.Sent);
        Assert.Equal(0, later.Claimed);
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Delivery_WhenTheRelayRefusesARecipientForGood_ParksThatMailAtOnceAndSendsTheRest()
    {
        await using var relay = new RejectingSmtpServer();
        await using var host = await NotificationsHost.StartAsync(Smtp(relay.Port));
        var rows = await host.InScopeAsync(sp => TestMails.QueueAsync(sp, RefusalRecipients.Select(email => TestMails.Invitation("Someone", email, "token"))));

        var result = await host.DeliverAsync();

        var refused = await host.OutboxAsync(rows[1].Id);
        Assert.Equal(new Escalation.Notifications.Delivery.DeliveryResult(3, 2, 0, 1), result);
        Assert.Equal(OutboxState.Failed, refused.State);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("550", refused.LastError, StringComparison.Ordinal);
        // Queued at one instant, the two good mails may go in either order.
        Assert.Equal(new[] { rows[0].MessageId, rows[2].MessageId }.Order(), relay.Accepted.Order());
    }

    [Fact]
    public async Task Delivery_ManyMailsOverOneConnection_ArriveOnceEach()
    {
        var rows = await _host.QueueInvitationsAsync(120);

        var results = new List<int>();
        for (var i = 0; i < 3; i++)
            results.Add((await _host.DeliverAsync(batchSize: 50)).Sent);
        var received = await Server.WaitForEmailsAsync(rows.Count);

        Assert.Equal([50, 50, 20], results);
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Select(m => m.MessageId).Order());
    }
}
