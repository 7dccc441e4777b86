using Escalation.Core.Decisions;
using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Notifications.Delivery;
using Escalation.Services;
using Escalation.Services.Escalations;
using Escalation.Services.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>
/// The data and notifications registrations as the web host composes them, on a temporary SQLite file migrated for
/// real, with a fake clock. The delivery worker is off: tests call <see cref="OutboxDelivery"/> themselves.
/// </summary>
public sealed class NotificationsHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NotificationsHost(string folder, ServiceProvider services, FakeTimeProvider clock)
    {
        Folder = folder;
        _services = services;
        Clock = clock;
    }

    /// <summary>18 December 2026, 10:00 UTC: a Friday, a week before Christmas.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

    public string Folder { get; }

    public string PickupDirectory => Path.Combine(Folder, "mail");

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    /// <param name="settings">Configuration on top of the defaults (e.g. <c>Escalation:Smtp:Host</c>).</param>
    /// <param name="transport">A transport to use instead of the configured one.</param>
    /// <param name="node">This host's lease owner name; by default a fresh one.</param>
    /// <param name="databaseFolder">Another host's folder, to share its database.</param>
    public static async Task<NotificationsHost> StartAsync(IDictionary<string, string?>? settings = null, IMailTransport? transport = null,
        string? node = null, string? databaseFolder = null)
    {
        var folder = databaseFolder ?? Directory.CreateTempSubdirectory("escalation-notifications-tests-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Escalation"] = $"Data Source={Path.Combine(folder, "escalation.db")};Pooling=False;Default Timeout=60",
            ["Escalation:Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Escalation:Mail:Delivery:Enabled"] = "false",
            ["Escalation:Dispatcher:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(TestPolicies.Catalog);
        services.AddSingleton(new DecisionGuideCatalog(DecisionGuideLoader.LoadFolder(RepoPaths.Workflows)));
        services.AddEscalationData(configuration);
        services.AddEscalationServices(configuration);
        if (node is not null)
            services.AddSingleton(new OutboxNode(node));
        services.AddEscalationNotifications(configuration, RepoPaths.Templates);
        if (transport is not null)
            services.AddScoped(_ => transport);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        if (databaseFolder is null)
            await provider.MigrateEscalationDatabaseAsync();
        return new NotificationsHost(folder, provider, clock);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> InDbAsync<T>(Func<EscalationDbContext, Task<T>> work) =>
        InScopeAsync(sp => work(sp.GetRequiredService<EscalationDbContext>()));

    public Task<DeliveryResult> DeliverAsync(int batchSize = 50) =>
        InScopeAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverDueAsync(batchSize));

    public Task<List<OutboxMessage>> OutboxAsync() =>
        InDbAsync(db => db.Outbox.AsNoTracking().OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync());

    public Task<OutboxMessage> OutboxAsync(Guid id) => InDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id));

    /// <summary>Queues invitation mails, which need no escalation: the simplest rows to exercise delivery with.</summary>
    public Task<List<OutboxMessage>> QueueInvitationsAsync(int count) => InScopeAsync(sp => TestMails.QueueAsync(sp,
        Enumerable.Range(1, count).Select(i => TestMails.Invitation($"Person {i}", $"person{i}@example.org", $"token-{i}"))));

    public Task<TestPartnership> SeedAsync() => InDbAsync(TestPartnership.SeedAsync);

    public Task<EscalationRecord> RaiseAsync(Guid raiserId, RaiseRequest request) => InScopeAsync(async sp =>
    {
        var result = await sp.GetRequiredService<EscalationService>().RaiseAsync(raiserId, request);
        return result.Value ?? throw new InvalidOperationException($"Raise failed: {result.Status}");
    });

    public Task<EscalationRecord> MoveAsync(Guid escalationId, Guid actorId, Move move) => InScopeAsync(async sp =>
    {
        var result = await sp.GetRequiredService<EscalationService>().MoveAsync(escalationId, actorId, move);
        return result.Value ?? throw new InvalidOperationException($"Move failed: {result.Status}");
    });

    public Task<int> FireDueTimersAsync() => InScopeAsync(sp => sp.GetRequiredService<TimerProcessor>().FireDueAsync(500));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Shared with another host that still holds it, or a file not yet released: left to the temp cleaner.
        }
    }
}
