using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Escalation.Services.Escalations;
using Escalation.Services.Timers;
using Escalation.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>A person's move racing the dispatcher, on a real SQLite file.</summary>
public sealed class RaceTests() : RaceScenarios(new SqliteTestDatabases());

/// <summary>The same races on PostgreSQL, where the two really run at once.</summary>
[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresRaceTests(TestPostgresFixture postgres) : RaceScenarios(new PostgresTestDatabases(postgres.Server));

public abstract class RaceScenarios(ITestDatabases databases) : IAsyncLifetime, IDisposable
{
    private EngineHost? _host;

    private EngineHost Host => _host ?? throw new InvalidOperationException("The host is made in InitializeAsync.");

    public async Task InitializeAsync() =>
        _host = new EngineHost(new FakeTimeProvider(new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero)), await databases.CreateAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _host?.Dispose();
        (databases as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ResolveRacesDeadline_ExactlyOneWinsAndTheRecordStaysConsistent()
    {
        var people = await Host.SeedAsync();
        var winners = new List<ServiceStatus>();
        for (var round = 0; round < 20; round++)
        {
            var raised = (await Host.RaiseAsync(people.Teacher, people.Raise())).Value!;
            Host.Clock.SetUtcNow(raised.StageDueAt.AddHours(-12));
            await Host.FireDueAsync(); // the reminder: version 2, which the practitioner's page shows
            Host.Clock.SetUtcNow(raised.StageDueAt.AddMinutes(1));

            var (resolve, _) = await RaceAsync(
                () => Host.InScopeAsync(sp => sp.GetRequiredService<EscalationService>().MoveAsync(
                    raised.Id, people.Teacher, new Resolve(OutcomeKind.DecisionChanged, "Referral accepted"), expectedVersion: 2)),
                () => Host.InScopeAsync(sp => sp.GetRequiredService<TimerProcessor>().FireDueAsync(1)),
                resolveFirst: round % 2 == 0);
            winners.Add(resolve.Status);

            await AssertConsistentAsync(raised.Id, resolve);
            if (!resolve.IsOk)
            {
                // Close it, so its stage-2 timers cannot take part in the next round.
                await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationService>().MoveAsync(raised.Id, people.Teacher, new Withdraw("Test round over")));
            }
        }

        Assert.All(winners, s => Assert.Contains(s, new[] { ServiceStatus.Ok, ServiceStatus.VersionMismatch, ServiceStatus.Conflict }));
    }

    private async Task AssertConsistentAsync(Guid id, ServiceResult<EscalationRecord> resolve)
    {
        var escalation = await Host.EscalationAsync(id);
        var history = (await Host.HistoryAsync(id)).Select(h => h.Type).ToList();
        if (resolve.IsOk)
        {
            Assert.Equal(EscalationStatus.Resolved, escalation.Status);
            Assert.Equal(1, escalation.Stage);
            Assert.Equal([HistoryType.Raised, HistoryType.ReminderSent, HistoryType.Resolved], history);
            Assert.DoesNotContain(await Host.TimersAsync(id), t => t.State == TimerState.Pending);
        }
        else
        {
            Assert.Equal(EscalationStatus.Open, escalation.Status);
            Assert.Equal(2, escalation.Stage);
            Assert.Equal([HistoryType.Raised, HistoryType.ReminderSent, HistoryType.DeadlineMissed, HistoryType.Escalated], history);
        }
    }

    // Both start together; one gets a head start of a few hundred microseconds, alternating, so both orders are explored.
    private static async Task<(T1, T2)> RaceAsync<T1, T2>(Func<Task<T1>> first, Func<Task<T2>> second, bool resolveFirst)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Task.Run(async () => { await go.Task; if (!resolveFirst) Thread.SpinWait(100_000); return await first(); });
        var b = Task.Run(async () => { await go.Task; if (resolveFirst) Thread.SpinWait(100_000); return await second(); });
        go.SetResult();
        await Task.WhenAll(a, b);
        return (await a, await b);
    }
}
