using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Services.Escalations;
using Escalation.Services.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.TestSupport;

/// <summary>
/// The real host on a real database (a SQLite file of its own by default, or the one it is given: SQLite or
/// PostgreSQL) with a fake clock. The dispatcher is off unless asked for, so tests fire timers by calling
/// <see cref="TimerProcessor"/> themselves. Two hosts may share one database.
/// </summary>
public sealed class EngineHost : EscalationAppFactory
{
    private readonly bool _dispatcher;

    public EngineHost(FakeTimeProvider clock, bool dispatcher = false, string? databasePath = null)
        : base(databasePath)
    {
        Clock = clock;
        _dispatcher = dispatcher;
    }

    public EngineHost(FakeTimeProvider clock, TestDatabase database, bool dispatcher = false)
        : base(database)
    {
        Clock = clock;
        _dispatcher = dispatcher;
    }

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Tests that fire timers by hand send the outbox by hand too: no background round claims a mail behind their back.
        builder.UseSetting("Escalation:Dispatcher:Enabled", _dispatcher ? "true" : "false");
        builder.UseSetting("Escalation:Mail:Delivery:Enabled", _dispatcher ? "true" : "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<TestPartnership> SeedAsync() => InScopeAsync(sp => TestPartnership.SeedAsync(sp.GetRequiredService<EscalationDbContext>()));

    public Task<ServiceResult<EscalationRecord>> RaiseAsync(Guid raiserId, Core.Engine.RaiseRequest request) =>
        InScopeAsync(sp => sp.GetRequiredService<EscalationService>().RaiseAsync(raiserId, request));

    public Task<int> FireDueAsync(int batchSize = 500) =>
        InScopeAsync(sp => sp.GetRequiredService<TimerProcessor>().FireDueAsync(batchSize));

    public Task<EscalationRecord> EscalationAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Escalations.AsNoTracking().SingleAsync(e => e.Id == id));

    public Task<List<HistoryRecord>> HistoryAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().History.AsNoTracking()
            .Where(h => h.EscalationId == id).OrderBy(h => h.Id).ToListAsync());

    public Task<List<TimerRecord>> TimersAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Timers.AsNoTracking()
            .Where(t => t.EscalationId == id).OrderBy(t => t.Id).ToListAsync());

    public Task<List<OutboxMessage>> OutboxAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Outbox.AsNoTracking()
            .Where(o => o.EscalationId == id).ToListAsync());

    public Task<List<StageRecord>> StagesAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().StageRecords.AsNoTracking()
            .Where(s => s.EscalationId == id).OrderBy(s => s.Stage).ToListAsync());
}
