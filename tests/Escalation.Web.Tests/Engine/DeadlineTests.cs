using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Escalation.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>Deadlines on a real SQLite file, fired through the same processor the dispatcher uses.</summary>
public sealed class DeadlineTests : IDisposable
{
    // Friday 18 December 2026, 10:00 in London (GMT): stage 1 is due at the end of Tuesday 29 December.
    private static readonly DateTimeOffset RaisedAt = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Stage1Due = new(2026, 12, 29, 23, 59, 59, TimeSpan.Zero);

    private readonly EngineHost _host = new(new FakeTimeProvider(RaisedAt));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Deadline_PassesAtStage1_MovesToStage2WithHistoryStageRecordsTimersAndMail()
    {
        var people = await _host.SeedAsync();
        var raised = await _host.RaiseAsync(people.Teacher, people.Raise());
        var id = raised.Value!.Id;
        Assert.Equal(Stage1Due, raised.Value.StageDueAt);

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 8, 0, 0, TimeSpan.Zero));
        var claimed = await _host.FireDueAsync();

        // The reminder (24 December) is past its deadline too: it is cancelled, not sent late.
        Assert.Equal(2, claimed);
        var escalation = await _host.EscalationAsync(id);
        Assert.Equal(2, escalation.Stage);
        Assert.Equal(EscalationStatus.Open, escalation.Status);
        // 31 Dec, (1 Jan bank holiday), 4, 5, 6, 7 Jan: the end of Thursday 7 January 2027.
        Assert.Equal(new DateTimeOffset(2027, 1, 7, 23, 59, 59, TimeSpan.Zero), escalation.StageDueAt);

        var history = await _host.HistoryAsync(id);
        Assert.Equal([HistoryType.Raised, HistoryType.DeadlineMissed, HistoryType.Escalated], history.Select(h => h.Type));
        Assert.All(history.Skip(1), h => Assert.Null(h.ById));
        Assert.Equal([1, 1, 2], history.Select(h => h.Stage));

        var stages = await _host.StagesAsync(id);
        Assert.Equal(StageExit.EscalatedAtDeadline, stages[0].LeftHow);
        Assert.Equal(2, stages[1].Stage);
        Assert.Null(stages[1].LeftAt);

        var timers = await _host.TimersAsync(id);
        Assert.Equal(
            [(TimerKind.Reminder, 1, TimerState.Cancelled), (TimerKind.Deadline, 1, TimerState.Fired),
             (TimerKind.Reminder, 2, TimerState.Pending), (TimerKind.Deadline, 2, TimerState.Pending)],
            timers.Select(t => (t.Kind, t.Stage, t.State)));

        var mail = await _host.OutboxAsync(id);
        Assert.Equal(3, mail.Count(m => m.TemplateKey == "raised"));
        Assert.Equal(
            new[] { people.Teacher, people.SocialWorker, people.TeacherManager, people.SocialWorkerManager }.Order(),
            mail.Where(m => m.TemplateKey == "deadline-missed").Select(m => m.RecipientPersonId!.Value).Order());
        Assert.Equal(
            new[] { people.Teacher, people.SocialWorker, people.TeacherManager, people.SocialWorkerManager }.Order(),
            mail.Where(m => m.TemplateKey == "stage-entered").Select(m => m.RecipientPersonId!.Value).Order());
        Assert.Equal(mail.Count, mail.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Deadline_AtExactly235959_HasNotYetPassed()
    {
        var people = await _host.SeedAsync();
        var raised = await _host.RaiseAsync(people.Teacher, people.Raise());
        _host.Clock.SetUtcNow(Stage1Due);

        await _host.FireDueAsync();

        Assert.Equal(1, (await _host.EscalationAsync(raised.Value!.Id)).Stage);
    }

    [Fact]
    public async Task Reminder_OnChristmasEve_SentOnceToStageActorsOnly()
    {
        var people = await _host.SeedAsync();
        var id = (await _host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 25, 0, 0, 0, TimeSpan.Zero));
        await _host.FireDueAsync();
        await _host.FireDueAsync();

        var history = await _host.HistoryAsync(id);
        Assert.Single(history, h => h.Type == HistoryType.ReminderSent);
        var reminders = (await _host.OutboxAsync(id)).Where(m => m.TemplateKey == "reminder").Select(m => m.RecipientPersonId!.Value);
        Assert.Equal(new[] { people.Teacher, people.SocialWorker }.Order(), reminders.Order());
        Assert.Equal(1, (await _host.EscalationAsync(id)).Stage);
    }

    [Fact]
    public async Task Timer_ForResolvedEscalation_DoesNothing()
    {
        var people = await _host.SeedAsync();
        var id = (await _host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        var resolved = await _host.InScopeAsync(sp => sp.GetRequiredService<Data.Engine.EscalationService>()
            .MoveAsync(id, people.Teacher, new Resolve(OutcomeKind.DecisionChanged, "Referral accepted")));
        Assert.True(resolved.IsOk);

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var claimed = await _host.FireDueAsync();

        Assert.Equal(0, claimed);
        Assert.All(await _host.TimersAsync(id), t => Assert.Equal(TimerState.Cancelled, t.State));
        Assert.Equal([HistoryType.Raised, HistoryType.Resolved], (await _host.HistoryAsync(id)).Select(h => h.Type));
    }

    [Fact]
    public async Task Timer_LeftPendingForAStageAlreadyLeft_IsCancelledNotFired()
    {
        var people = await _host.SeedAsync();
        var id = (await _host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero)); // stage 2 then runs to 30 December
        var escalated = await _host.InScopeAsync(sp => sp.GetRequiredService<Data.Engine.EscalationService>()
            .MoveAsync(id, people.Teacher, new Escalate("No reply from Children's Social Care")));
        Assert.True(escalated.IsOk);
        // A stale stage-1 deadline, as a crash between two writes of an older design could have left.
        await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.EscalationDbContext>();
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE timers SET state = 'Pending' WHERE escalation_id = {0} AND stage = 1 AND kind = 'Deadline'",
                id.ToString().ToUpperInvariant());
            return 0;
        });

        _host.Clock.SetUtcNow(Stage1Due.AddSeconds(1));
        await _host.FireDueAsync();

        var stage1Deadline = (await _host.TimersAsync(id)).Single(t => t.Stage == 1 && t.Kind == TimerKind.Deadline);
        Assert.Equal(TimerState.Cancelled, stage1Deadline.State);
        Assert.DoesNotContain(await _host.HistoryAsync(id), h => h.Type == HistoryType.DeadlineMissed);
        Assert.Equal(2, (await _host.EscalationAsync(id)).Stage);
    }

    [Fact]
    public async Task Timer_ThatCannotFire_IsSetAsideAndTheOthersStillFire()
    {
        var people = await _host.SeedAsync();
        var broken = (await _host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        var healthy = (await _host.RaiseAsync(people.Teacher, people.Raise())).Value!.Id;
        // Raised under a policy version whose file has since been removed.
        await _host.InScopeAsync(sp => sp.GetRequiredService<Data.EscalationDbContext>().Escalations
            .Where(e => e.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(e => e.PolicyVersion, 99)));

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 8, 0, 0, TimeSpan.Zero));
        await _host.FireDueAsync();
        await _host.FireDueAsync();

        Assert.Equal(2, (await _host.EscalationAsync(healthy)).Stage);
        Assert.Equal(1, (await _host.EscalationAsync(broken)).Stage);
        Assert.Contains(await _host.TimersAsync(broken), t => t.State == TimerState.Pending && t.LeaseUntil > _host.Clock.GetUtcNow());
    }
}
