using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Escalation.Web.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>The hosted dispatcher on a real SQLite file.</summary>
public sealed class DispatcherTests() : DispatcherScenarios(new SqliteTestDatabases());

/// <summary>The hosted dispatcher on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresDispatcherTests(TestPostgresFixture postgres) : DispatcherScenarios(new PostgresTestDatabases(postgres.Server));

/// <summary>The hosted dispatcher itself: catching up after downtime, and waking when time moves on.</summary>
public abstract class DispatcherScenarios(ITestDatabases databases) : IDisposable
{
    private static readonly DateTimeOffset RaisedAt = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

    public void Dispose()
    {
        (databases as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ServiceStoppedOverDeadline_CaughtUpExactlyOnceWhenStartedAgain()
    {
        var database = await databases.CreateAsync();
        Guid id;
        using (var before = new EngineHost(new FakeTimeProvider(RaisedAt), database))
        {
            var people = await before.SeedAsync();
            id = (await before.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        }

        // Down from 18 December until 4 January: both the reminder and the deadline passed meanwhile.
        var after = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        using var restarted = new EngineHost(after, database, dispatcher: true);
        restarted.CreateClient().Dispose(); // starts the host, and with it the dispatcher

        var escalation = await WaitUntilAsync(restarted, id, e => e.Stage == 2);
        await restarted.FireDueAsync(); // a second pass finds nothing more to do
        var history = await restarted.HistoryAsync(id);

        Assert.Equal(2, escalation.Stage);
        Assert.Single(history, h => h.Type == HistoryType.DeadlineMissed);
        Assert.Single(history, h => h.Type == HistoryType.Escalated);
        Assert.DoesNotContain(history, h => h.Type == HistoryType.ReminderSent);
        Assert.Equal(after.GetUtcNow(), escalation.StageStartedAt);
    }

    [Fact]
    public async Task Dispatcher_WhenTheClockPassesADeadline_WakesAndFiresIt()
    {
        using var host = new EngineHost(new FakeTimeProvider(RaisedAt), await databases.CreateAsync(), dispatcher: true);
        var people = await host.SeedAsync();
        var id = (await host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 0, 0, 5, TimeSpan.Zero));
        // Time goes on passing, as it would: a jump that lands while the dispatcher is mid-poll is seen at its next wake.
        var escalation = await WaitUntilAsync(host, id, e => e.Stage == 2, tick: TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, escalation.Stage);
        Assert.Single(await host.HistoryAsync(id), h => h.Type == HistoryType.DeadlineMissed);
    }

    [Fact]
    public async Task DeadlineFallingDueJustAfterTheClaim_FiredMomentsLaterNotAfterThePollInterval()
    {
        using var host = new EngineHost(new FakeTimeProvider(RaisedAt), await databases.CreateAsync(), dispatcher: true);
        var people = await host.SeedAsync();
        var id = (await host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        var deadline = (await host.TimersAsync(id)).Single(t => t.Kind == WorkKind.Deadline && t.State == TimerState.Pending).DueAt;

        // At exactly the due instant the deadline has not yet passed, so the dispatcher claims nothing, yet its look
        // ahead finds the timer due: the near miss that, at a steady flow, happens between every claim and look ahead.
        host.Clock.SetUtcNow(deadline);
        await Task.Delay(TimeSpan.FromMilliseconds(750));
        Assert.Equal(1, (await host.EscalationAsync(id)).Stage);

        // Far less than the poll interval (1 s) later, the deadline has passed and the dispatcher has looked again.
        host.Clock.Advance(TimeSpan.FromMilliseconds(20));
        var escalation = await WaitUntilAsync(host, id, e => e.Stage == 2);

        Assert.Equal(2, escalation.Stage);
        Assert.Single(await host.HistoryAsync(id), h => h.Type == HistoryType.DeadlineMissed);
    }

    /// <summary>
    /// Polls the real database: the dispatcher runs on its own thread, so the test waits for its effect. A
    /// <paramref name="tick"/> moves the fake clock on by that much at each look.
    /// </summary>
    private static async Task<EscalationRecord> WaitUntilAsync(EngineHost host, Guid id, Func<EscalationRecord, bool> done,
        TimeSpan tick = default)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var escalation = await host.EscalationAsync(id);
            if (done(escalation))
                return escalation;
            await Task.Delay(50);
            if (tick > TimeSpan.Zero)
                host.Clock.Advance(tick);
        }

        throw new TimeoutException($"Escalation {id} did not reach the expected state within 10 seconds.");
    }
}
