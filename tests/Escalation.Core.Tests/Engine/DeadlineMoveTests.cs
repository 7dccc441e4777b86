using Escalation.Core.Engine;
using Escalation.Core.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary>The dispatcher's moves (<see cref="DeadlinePassed"/>, <see cref="ReminderDue"/>), and moves on closed escalations.</summary>
public class DeadlineMoveTests
{
    /// <summary>Just after the end of Tuesday 29 December 2026, the stage 1 deadline of an escalation raised on 18 December.</summary>
    private static readonly DateTimeOffset AfterStage1Deadline = Utc(2026, 12, 30, 0, 0, 30);

    public static TheoryData<Move> PersonMoves => new()
    {
        new Respond("A note"),
        new Escalate("A reason"),
        new Resolve(OutcomeKind.DecisionChanged, "A statement"),
        new Withdraw("A reason"),
    };

    [Theory]
    [MemberData(nameof(PersonMoves))]
    public void PersonMove_OnResolvedEscalation_IsWrongState(Move move)
    {
        Rejected(Apply(Closed(EscalationStatus.Resolved), move, People.Raiser, AfterStage1Deadline), RejectionReason.WrongState);
    }

    [Theory]
    [MemberData(nameof(PersonMoves))]
    public void PersonMove_OnWithdrawnEscalation_IsWrongState(Move move)
    {
        Rejected(Apply(Closed(EscalationStatus.Withdrawn), move, People.Raiser, AfterStage1Deadline), RejectionReason.WrongState);
    }

    [Theory]
    [InlineData(EscalationStatus.Resolved)]
    [InlineData(EscalationStatus.Withdrawn)]
    public void Timers_OnClosedEscalation_AreStale(EscalationStatus status)
    {
        var closed = Closed(status);

        Rejected(Dispatch(closed, new ReminderDue(1), FridayBeforeChristmas.AddHours(1)), RejectionReason.StaleTimer);
        Rejected(Dispatch(closed, new DeadlinePassed(1), AfterStage1Deadline), RejectionReason.StaleTimer);
    }

    [Fact]
    public void DeadlinePassed_AtStage1_WritesDeadlineMissedThenEscalatedWithNoPersonInById()
    {
        var transition = Allowed(Dispatch(Raised(), new DeadlinePassed(1), AfterStage1Deadline));

        Assert.Equal(
            [(HistoryType.DeadlineMissed, 1, (Guid?)null), (HistoryType.Escalated, 2, (Guid?)null)],
            transition.History.Select(h => (h.Type, h.Stage, h.ById)));
        Assert.All(transition.History, h => Assert.Equal(AfterStage1Deadline, h.At));
    }

    [Fact]
    public void DeadlinePassed_AtStage1_MovesToStage2AndLeavesStage1AtDeadline()
    {
        var before = Raised();

        var transition = Allowed(Dispatch(before, new DeadlinePassed(1), AfterStage1Deadline));

        Assert.Equal(EscalationStatus.Open, transition.State.Status);
        Assert.Equal((2, 2, 2), (transition.State.Stage, transition.State.HighestStage, transition.State.Version));
        Assert.Equal(AfterStage1Deadline, transition.State.StageStartedAt);
        Assert.Equal(new StageLeft(1, AfterStage1Deadline, StageExit.EscalatedAtDeadline), transition.StageLeft);
        Assert.True(transition.CancelPendingTimers);
    }

    [Fact]
    public void DeadlinePassed_AtStage1_MailsOnceSayingBothTheMissedDeadlineAndTheNewStage()
    {
        var transition = Allowed(Dispatch(Raised(), new DeadlinePassed(1), AfterStage1Deadline));

        var mail = Assert.Single(transition.Mails);
        Assert.Equal((NotificationEvent.DeadlineMissed, 1), (mail.Event, mail.Stage));
        Assert.Equal([Audience.Parties, Audience.NextStageActors], mail.Audiences);
        Assert.Equal([Audience.Parties, Audience.StageActors], mail.NextStageAudiences);
    }

    [Fact]
    public void DeadlinePassed_ActedOnThreeDaysLateAfterDowntime_NoteSaysWhenItFellDueAndWhenItWasActedOn()
    {
        var fellDue = Utc(2026, 12, 29, 23, 59, 59);
        var actedOn = Utc(2027, 1, 1, 9, 30, 0);

        var transition = Allowed(Dispatch(Raised(), new DeadlinePassed(1) { FellDueAt = fellDue }, actedOn));

        var missed = transition.History[0];
        Assert.Equal((actedOn, HistoryType.DeadlineMissed), (missed.At, missed.Type));
        Assert.Equal(
            "The stage 1 (Practitioner) deadline passed without a resolution. It fell due at 11:59pm on Tuesday 29 December 2026, " +
            "while the service was stopped, and was acted on at 9:30am on Friday 1 January 2027.",
            missed.Note);
        Assert.Equal("It fell due at 11:59pm on Tuesday 29 December 2026, while the service was stopped, and was acted on at 9:30am on Friday 1 January 2027.",
            LateTimer.Find(missed.Note));
    }

    [Fact]
    public void DeadlinePassed_ActedOnWithinSecondsOfFallingDue_NoteStaysAsItWas()
    {
        var transition = Allowed(Dispatch(Raised(), new DeadlinePassed(1) { FellDueAt = Utc(2026, 12, 29, 23, 59, 59) }, AfterStage1Deadline));

        Assert.Equal("The stage 1 (Practitioner) deadline passed without a resolution.", transition.History[0].Note);
        Assert.Null(LateTimer.Find(transition.History[0].Note));
    }

    [Fact]
    public void ReminderDue_ActedOnAfterSummerTimeDowntime_NoteGivesLocalTimes()
    {
        // A standard escalation raised on Monday 6 July 2026 is due at the end of Monday 13 July; its reminder falls at the end of Friday 10 July.
        var raised = Raised(at: Utc(2026, 7, 6, 9, 0, 0));
        var fellDue = Utc(2026, 7, 10, 22, 59, 59);

        var transition = Allowed(Dispatch(raised, new ReminderDue(1) { FellDueAt = fellDue }, Utc(2026, 7, 13, 8, 0, 0)));

        Assert.EndsWith("It fell due at 11:59pm on Friday 10 July 2026, while the service was stopped, and was acted on at 9am on Monday 13 July 2026.",
            transition.History[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadlinePassed_AtStage1On30December2026_Stage2TimersCountFromNowPastNewYear()
    {
        var transition = Allowed(Dispatch(Raised(), new DeadlinePassed(1), AfterStage1Deadline));

        // Five working days after Wednesday 30 December: 31 December, then 4 to 7 January (1 January is a bank holiday).
        var due = Utc(2027, 1, 7, 23, 59, 59);
        Assert.Equal(due, transition.State.StageDueAt);
        Assert.Equal(new StageEntered(2, AfterStage1Deadline, due), transition.StageEntered);
        Assert.Equal(
            [
                new TimerRequest(TimerKind.Reminder, 2, Utc(2027, 1, 6, 23, 59, 59)),
                new TimerRequest(TimerKind.Deadline, 2, due),
            ],
            transition.Timers);
    }

    [Fact]
    public void DeadlinePassed_UrgentAtStage3_MovesToStage4DueInTwoWorkingDays()
    {
        var stage3 = Raised(Track.Urgent, FridayBeforeChristmas, startAtStage: 3);
        var now = stage3.StageDueAt.AddSeconds(1);

        var transition = Allowed(Dispatch(stage3, new DeadlinePassed(3), now));

        // Stage 3 was due at the end of Monday 21 December; stage 4 is due two working days after Tuesday 22 December.
        Assert.Equal(Utc(2026, 12, 22, 0, 0, 0), now);
        Assert.Equal(4, transition.State.Stage);
        Assert.Equal(Utc(2026, 12, 24, 23, 59, 59), transition.State.StageDueAt);
    }

    [Fact]
    public void DeadlinePassed_AtStage4_OnlyWritesDeadlineMissedAndStaysOpenAtStage4()
    {
        var before = Raised(startAtStage: 4);
        Assert.Equal(Utc(2027, 1, 6, 23, 59, 59), before.StageDueAt);
        var now = Utc(2027, 1, 7, 0, 0, 30);

        var transition = Allowed(Dispatch(before, new DeadlinePassed(4), now));

        Assert.Equal(before with { Version = 2 }, transition.State);
        Assert.True(transition.State.IsOpen);
        var item = Assert.Single(transition.History);
        Assert.Equal((now, HistoryType.DeadlineMissed, 4, (Guid?)null), (item.At, item.Type, item.Stage, item.ById));
        Assert.Null(transition.StageLeft);
        Assert.Null(transition.StageEntered);
        Assert.False(transition.CancelPendingTimers);
        Assert.Empty(transition.Timers);
        var mail = Assert.Single(transition.Mails);
        Assert.Equal((NotificationEvent.DeadlineMissed, 4), (mail.Event, mail.Stage));
    }

    [Fact]
    public void DeadlinePassed_ForAStageAlreadyLeft_IsStaleTimer()
    {
        var stage2 = Allowed(Apply(Raised(), new Escalate("No reply"), People.Raiser, Utc(2026, 12, 21, 9, 0))).State;

        Rejected(Dispatch(stage2, new DeadlinePassed(1), AfterStage1Deadline), RejectionReason.StaleTimer);
    }

    [Fact]
    public void DeadlinePassed_AfterTheDeadlineAlreadyEscalated_SecondFiringIsStaleTimer()
    {
        var stage2 = Allowed(Dispatch(Raised(), new DeadlinePassed(1), AfterStage1Deadline)).State;

        Rejected(Dispatch(stage2, new DeadlinePassed(1), AfterStage1Deadline.AddMinutes(1)), RejectionReason.StaleTimer);
    }

    [Fact]
    public void ReminderDue_AtCurrentStage_WritesReminderSentAndMailsStageActors()
    {
        var before = Raised();
        var now = Utc(2026, 12, 25, 0, 0, 10);

        var transition = Allowed(Dispatch(before, new ReminderDue(1), now));

        Assert.Equal(before with { Version = 2 }, transition.State);
        var item = Assert.Single(transition.History);
        Assert.Equal((now, HistoryType.ReminderSent, 1, (Guid?)null), (item.At, item.Type, item.Stage, item.ById));
        var mail = Assert.Single(transition.Mails);
        Assert.Equal(new MailIntent(NotificationEvent.Reminder, 1, mail.Audiences), mail);
        Assert.Equal([Audience.StageActors], mail.Audiences);
        Assert.Equal("reminder", mail.TemplateKey);
        Assert.Empty(transition.Timers);
        Assert.False(transition.CancelPendingTimers);
        Assert.Null(transition.StageLeft);
        Assert.Null(transition.StageEntered);
    }

    [Fact]
    public void ReminderDue_ForAnOldStage_IsStaleTimer()
    {
        var stage2 = Allowed(Apply(Raised(), new Escalate("No reply"), People.Raiser, Utc(2026, 12, 21, 9, 0))).State;

        Rejected(Dispatch(stage2, new ReminderDue(1), Utc(2026, 12, 25, 0, 0, 10)), RejectionReason.StaleTimer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3600)]
    public void ReminderDue_AtOrAfterTheStageDeadline_IsStaleTimer(int secondsAfterDue)
    {
        var state = Raised();

        var result = Dispatch(state, new ReminderDue(1), state.StageDueAt.AddSeconds(secondsAfterDue));

        Rejected(result, RejectionReason.StaleTimer);
    }
}
