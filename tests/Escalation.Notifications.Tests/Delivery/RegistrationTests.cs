using Escalation.Data.Entities;
using Escalation.Notifications.Delivery;
using Escalation.Notifications.Tests.TestSupport;
using Escalation.Services.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Escalation.Notifications.Tests.Delivery;

public class RegistrationTests
{
    [Fact]
    public async Task AddEscalationNotifications_WithSmtpHost_SendsThroughMailKit()
    {
        await using var host = await NotificationsHost.StartAsync(new Dictionary<string, string?> { ["Escalation:Smtp:Host"] = "relay.example.org" });

        var transport = await host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IMailTransport>()));

        Assert.IsType<SmtpMailTransport>(transport);
    }

    [Fact]
    public async Task AddEscalationNotifications_WithoutSmtpHost_WritesToThePickupDirectory()
    {
        await using var host = await NotificationsHost.StartAsync();

        var transport = await host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IMailTransport>()));

        Assert.Equal(host.PickupDirectory, Assert.IsType<PickupDirectoryTransport>(transport).Directory);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.org")]
    public void AddEscalationNotifications_BaseUrlNotHttp_StopsStartUpNamingTheKey(string baseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Escalation:BaseUrl"] = baseUrl }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEscalationNotifications(configuration, RepoPaths.Templates));

        Assert.Contains("Escalation:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Escalation:Smtp:From", "not an address")]
    [InlineData("Escalation:Mail:Delivery:MaxAttempts", "0")]
    public async Task AddEscalationNotifications_InvalidMailSetting_FailsValidationNamingTheKey(string key, string value)
    {
        await using var host = await NotificationsHost.StartAsync(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = host.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        });

        Assert.Contains(key[..key.LastIndexOf(':')], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_WhenEnabled_SendsQueuedMailInTheBackgroundAndAgainAfterThePollInterval()
    {
        await using var host = await NotificationsHost.StartAsync(new Dictionary<string, string?> { ["Escalation:Mail:Delivery:Enabled"] = "true" });
        await host.QueueInvitationsAsync(2);
        var worker = host.Services.GetServices<IHostedService>().OfType<PollingWorker<DeliveryRunner>>().Single();

        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(async () => (await host.OutboxAsync()).All(o => o.State == OutboxState.Sent));
            await host.QueueInvitationsAsync(1);
            // The worker sleeps on the fake clock; moving it on each look wakes the worker whenever it starts to wait.
            await WaitUntilAsync(async () =>
            {
                host.Clock.Advance(TimeSpan.FromSeconds(2));
                return (await host.OutboxAsync()).Count(o => o.State == OutboxState.Sent) == 3;
            });
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal(3, Directory.GetFiles(host.PickupDirectory, "*.eml").Length);
    }

    [Fact]
    public async Task Worker_WhenDisabled_SendsNothing()
    {
        await using var host = await NotificationsHost.StartAsync();
        await host.QueueInvitationsAsync(1);
        var worker = host.Services.GetServices<IHostedService>().OfType<PollingWorker<DeliveryRunner>>().Single();

        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(200);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(OutboxState.Pending, Assert.Single(await host.OutboxAsync()).State);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), "timed out waiting for the worker");
            await Task.Delay(50);
        }
    }
}
