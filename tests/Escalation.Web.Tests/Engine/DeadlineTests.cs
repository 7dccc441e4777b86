using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>Deadlines on a real SQLite file.</summary>
public sealed class DeadlineTests() : DeadlineScenarios(new SqliteTestDatabases());

/// <summary>The same deadlines on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresDeadlineTests(TestPostgresFixture postgres) : DeadlineScenarios(new PostgresTestDatabases(postgres.Server));

/// <summary>Deadlines on a real database, fired through the same processor the dispatcher uses.</summary>
public abstract class DeadlineScenarios(ITestDatabases databases) : IAsyncLifetime, IDisposable
{
    // Friday 18 December 2026, 10:00 in London (GMT): stage 1 is due at the end of Tuesday 29 December.
    private static readonly DateTimeOffset RaisedAt = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Stage1Due = new(2026, 12, 29, 23, 59, 59, TimeSpan.Zero);

    private EngineHost? _host;

    private EngineHost Host => _host ?? throw new InvalidOperationException("The host is made in InitializeAsync.");

    public async Task InitializeAsync() => _host = new EngineHost(new FakeTimeProvider(RaisedAt), await databases.CreateAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _host?.Dispose();
        (databases as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Deadline_PassesAtStage1_MovesToStage2WithHistoryStageRecordsTimersAndOneMailEach()
    {
        var people = await Host.SeedAsync();
        var raised = await Host.RaiseAsync(people.Teacher, people.Raise());
        var id = raised.Value!.Id;
        Assert.Equal(Stage1Due, raised.Value.StageDueAt);

        Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 8, 0, 0, TimeSpan.Zero));
        var claimed = await Host.FireDueAsync();

        // The reminder (24 December) is past its deadline too: it is cancelled, not sent late.
        Assert.Equal(2, claimed);
        var escalation = await Host.EscalationAsync(id);
        Assert.Equal(2, escalation.Stage);
        Assert.Equal(EscalationStatus.Open, escalation.Status);
        // 31 Dec, (1 Jan bank holiday), 4, 5, 6, 7 Jan: the end of Thursday 7 January 2027.
        Assert.Equal(new DateTimeOffset(2027, 1, 7, 23, 59, 59, TimeSpan.Zero), escalation.StageDueAt);

        var history = await Host.HistoryAsync(id);
        Assert.Equal([HistoryType.Raised, HistoryType.DeadlineMissed, HistoryType.Escalated], history.Select(h => h.Type));
        Assert.All(history.Skip(1), h => Assert.Null(h.ById));
        Assert.Equal([1, 1, 2], history.Select(h => h.Stage));

        var stages = await Host.StagesAsync(id);
        Assert.Equal(StageExit.EscalatedAtDeadline, stages[0].LeftHow);
        Assert.Equal(2, stages[1].Stage);
        Assert.Null(stages[1].LeftAt);

        var timers = await Host.TimersAsync(id);
        Assert.Equal(
            [(WorkKind.Reminder, 1, TimerState.Cancelled), (WorkKind.Deadline, 1, TimerState.Fired),
             (WorkKind.Reminder, 2, TimerState.Pending), (WorkKind.Deadline, 2, TimerState.Pending)],
            timers.Select(t => (t.Kind, t.Stage, t.State)));

        var mail = await Host.OutboxAsync(id);
        Assert.Equal(3, mail.Count(m => m.TemplateKey == "raised"));
        Assert.Equal(
            new[] { people.Teacher, people.SocialWorker, people.TeacherManager, people.SocialWorkerManager }.Order(),
            mail.Where(m => m.TemplateKey == "deadline-missed").Select(m => m.RecipientPersonId!.Value).Order());
        // One moment, one mail: the deadline mail says it has moved up; no separate stage-entered mail.
        Assert.DoesNotContain(mail, m => m.TemplateKey == "stage-entered");
        Assert.Equal(mail.Count, mail.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Deadline_AtExactly235959_HasNotYetPassed()
    {
        var people = await Host.SeedAsync();
        var raised = await Host.RaiseAsync(people.Teacher, people.Raise());
        Host.Clock.SetUtcNow(Stage1Due);

        await Host.FireDueAsync();

        Assert.Equal(1, (await Host.EscalationAsync(raised.Value!.Id)).Stage);
    }

    [Fact]
    public async Task Reminder_OnChristmasEve_SentOnceToStageActorsOnly()
    {
        var people = await Host.SeedAsync();
        var id = (await Host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;

        Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 25, 0, 0, 0, TimeSpan.Zero));
        await Host.FireDueAsync();
        await Host.FireDueAsync();

        var history = await Host.HistoryAsync(id);
        Assert.Single(history, h => h.Type == HistoryType.ReminderSent);
        var reminders = (await Host.OutboxAsync(id)).Where(m => m.TemplateKey == "reminder").Select(m => m.RecipientPersonId!.Value);
        Assert.Equal(new[] { people.Teacher, people.SocialWorker }.Order(), reminders.Order());
        Assert.Equal(1, (await Host.EscalationAsync(id)).Stage);
    }

    [Fact]
    public async Task Timer_ForResolvedEscalation_DoesNothing()
    {
        var people = await Host.SeedAsync();
        var id = (await Host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        var resolved = await Host.InScopeAsync(sp => sp.GetRequiredService<Services.Escalations.EscalationService>()
            .MoveAsync(id, people.Teacher, new Resolve(OutcomeKind.DecisionChanged, "Referral accepted")));
        Assert.True(resolved.IsOk);

        Host.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var claimed = await Host.FireDueAsync();

        Assert.Equal(0, claimed);
        Assert.All(await Host.TimersAsync(id), t => Assert.Equal(TimerState.Cancelled, t.State));
        Assert.Equal([HistoryType.Raised, HistoryType.Resolved], (await Host.HistoryAsync(id)).Select(h => h.Type));
    }

    [Fact]
    public async Task Timer_LeftPendingForAStageAlreadyLeft_IsCancelledNotFired()
    {
        var people = await Host.SeedAsync();
        var id = (await Host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero)); // stage 2 then runs to 30 December
        var escalated = await Host.InScopeAsync(sp => sp.GetRequiredService<Services.Escalations.EscalationService>()
            .MoveAsync(id, people.Teacher, new Escalate("No reply from Children's Social Care")));
        Assert.True(escalated.IsOk);
        // A stale stage-1 deadline, as a crash between two writes of an older design could have left.
        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.EscalationDbContext>();
            // The id as this provider stores it: upper-case text on SQLite, a native uuid on PostgreSQL.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE timers SET state = 'Pending' WHERE escalation_id = {0} AND stage = 1 AND kind = 'Deadline'",
                sp.GetRequiredService<SqlDialect>().Id(id));
            return 0;
        });

        Host.Clock.SetUtcNow(Stage1Due.AddSeconds(1));
        await Host.FireDueAsync();

        var stage1Deadline = (await Host.TimersAsync(id)).Single(t => t.Stage == 1 && t.Kind == WorkKind.Deadline);
        Assert.Equal(TimerState.Cancelled, stage1Deadline.State);
        Assert.DoesNotContain(await Host.HistoryAsync(id), h => h.Type == HistoryType.DeadlineMissed);
        Assert.Equal(2, (await Host.EscalationAsync(id)).Stage);
    }

    [Fact]
    public async Task Timer_ThatCannotFire_IsSetAsideAndTheOthersStillFire()
    {
        var people = await Host.SeedAsync();
        var broken = (await Host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        var healthy = (await Host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        // Raised under a policy version whose file has since been removed.
        await Host.InScopeAsync(sp => sp.GetRequiredService<Data.EscalationDbContext>().Escalations
            .Where(e => e.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(e => e.PolicyVersion, 99)));

        Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 8, 0, 0, TimeSpan.Zero));
        await Host.FireDueAsync();
        await Host.FireDueAsync();

        Assert.Equal(2, (await Host.EscalationAsync(healthy)).Stage);
        Assert.Equal(1, (await Host.EscalationAsync(broken)).Stage);
        Assert.Contains(await Host.TimersAsync(broken), t => t.State == TimerState.Pending && t.LeaseUntil > Host.Clock.GetUtcNow());
    }
}
