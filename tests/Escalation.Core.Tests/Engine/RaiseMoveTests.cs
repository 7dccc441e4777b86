using Escalation.Core.Engine;
using Escalation.Core.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary>The transition table's <see cref="Raise"/> move.</summary>
public class RaiseMoveTests
{
    [Fact]
    public void Raise_StandardOnFridayBeforeChristmas2026_DueOn29December()
    {
        var transition = RaiseTransition(Track.Standard, FridayBeforeChristmas);

        Assert.Equal(Utc(2026, 12, 29, 23, 59, 59), transition.State.StageDueAt);
        Assert.Equal(new StageEntered(1, FridayBeforeChristmas, Utc(2026, 12, 29, 23, 59, 59)), transition.StageEntered);
    }

    [Fact]
    public void Raise_StandardOnFridayBeforeChristmas2026_SetsReminderOn24DecemberAndDeadlineTimer()
    {
        var transition = RaiseTransition(Track.Standard, FridayBeforeChristmas);

        Assert.Equal(
            [
                new TimerRequest(TimerKind.Reminder, 1, Utc(2026, 12, 24, 23, 59, 59)),
                new TimerRequest(TimerKind.Deadline, 1, Utc(2026, 12, 29, 23, 59, 59)),
            ],
            transition.Timers);
        Assert.False(transition.CancelPendingTimers);
        Assert.Null(transition.StageLeft);
    }

    [Fact]
    public void Raise_Standard_OpensAtStage1AtVersion1UnderTheDefaultPolicy()
    {
        var state = RaiseTransition(Track.Standard, FridayBeforeChristmas).State;

        Assert.Equal(Raise().Id, state.Id);
        Assert.Equal("professional-differences", state.PolicyId);
        Assert.Equal(1, state.PolicyVersion);
        Assert.Equal(Track.Standard, state.Track);
        Assert.Equal(EscalationStatus.Open, state.Status);
        Assert.True(state.IsOpen);
        Assert.Equal(1, state.Stage);
        Assert.Equal(1, state.HighestStage);
        Assert.Equal(FridayBeforeChristmas, state.StageStartedAt);
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void Raise_Standard_WritesOneRaisedEntryByTheRaiser()
    {
        var transition = RaiseTransition(Track.Standard, FridayBeforeChristmas);

        var item = Assert.Single(transition.History);
        Assert.Equal(new HistoryItem(FridayBeforeChristmas, HistoryType.Raised, 1, People.Raiser.Id, null), item);
    }

    [Fact]
    public void Raise_Standard_MailsRespondentRaiserAndBoardBusinessUnit()
    {
        var transition = RaiseTransition(Track.Standard, FridayBeforeChristmas);

        var mail = Assert.Single(transition.Mails);
        Assert.Equal(NotificationEvent.Raised, mail.Event);
        Assert.Equal(1, mail.Stage);
        Assert.Equal([Audience.Respondent, Audience.Raiser, Audience.BoardBusinessUnit], mail.Audiences);
        Assert.Equal("raised", mail.TemplateKey);
    }

    [Fact]
    public void Raise_UrgentOnFriday18December2026_DueEndOfMondayWithReminderFourHoursBefore()
    {
        var transition = RaiseTransition(Track.Urgent, FridayBeforeChristmas);

        Assert.Equal(Track.Urgent, transition.State.Track);
        Assert.Equal(Utc(2026, 12, 21, 23, 59, 59), transition.State.StageDueAt);
        Assert.Equal(
            [
                new TimerRequest(TimerKind.Reminder, 1, Utc(2026, 12, 21, 19, 59, 59)),
                new TimerRequest(TimerKind.Deadline, 1, Utc(2026, 12, 21, 23, 59, 59)),
            ],
            transition.Timers);
    }

    [Fact]
    public void Raise_UrgentInSummer_ReminderIsFourElapsedHoursBeforeBstEndOfDay()
    {
        // Wednesday 15 July 2026, 09:30 BST: due at the end of Thursday 16 July, 23:59:59 BST = 22:59:59 UTC.
        var transition = RaiseTransition(Track.Urgent, new DateTimeOffset(2026, 7, 15, 9, 30, 0, TimeSpan.FromHours(1)));

        Assert.Equal(Utc(2026, 7, 16, 22, 59, 59), transition.State.StageDueAt);
        Assert.Equal(new TimerRequest(TimerKind.Reminder, 1, Utc(2026, 7, 16, 18, 59, 59)), transition.Timers[0]);
    }

    [Fact]
    public void Raise_AtStage3WithReason_OpensAtStage3AndSendsOneRaisedMailToTheRaisedAndStageEnteredAudiences()
    {
        var transition = RaiseTransition(Track.Standard, FridayBeforeChristmas, startAtStage: 3, reason: "Stage 1 and 2 tried by phone");

        Assert.Equal(3, transition.State.Stage);
        Assert.Equal(3, transition.State.HighestStage);
        Assert.Equal(1, transition.State.Version);
        // One moment, one mail: no separate stage-entered mail; those acting at stage 3 are told in the raised mail.
        var mail = Assert.Single(transition.Mails);
        Assert.Equal((NotificationEvent.Raised, 3), (mail.Event, mail.Stage));
        Assert.Equal([Audience.Parties, Audience.StageActors, Audience.Respondent, Audience.Raiser, Audience.BoardBusinessUnit], mail.Audiences);
        Assert.Empty(mail.NextStageAudiences);
        var item = Assert.Single(transition.History);
        Assert.Equal(new HistoryItem(FridayBeforeChristmas, HistoryType.Raised, 3, People.Raiser.Id, "Stage 1 and 2 tried by phone"), item);
        Assert.All(transition.Timers, t => Assert.Equal(3, t.Stage));
        Assert.Equal(3, transition.StageEntered!.Stage);
    }

    [Fact]
    public void Raise_AtStage1_SendsOnlyTheRaisedMailToItsOwnAudiences()
    {
        var transition = RaiseTransition(Track.Standard, FridayBeforeChristmas);

        var mail = Assert.Single(transition.Mails);
        Assert.Equal((NotificationEvent.Raised, 1), (mail.Event, mail.Stage));
        Assert.Equal([Audience.Respondent, Audience.Raiser, Audience.BoardBusinessUnit], mail.Audiences);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Raise_AtStage3WithoutReason_IsInvalidInput(string? reason)
    {
        var result = Apply(null, new Raise(Guid.NewGuid(), Track.Standard, 3, reason), People.Raiser, FridayBeforeChristmas);

        Rejected(result, RejectionReason.InvalidInput);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Raise_AtUnknownStage_IsInvalidInput(int stage)
    {
        var result = Apply(null, Raise(Track.Standard, stage, "A reason"), People.Raiser, FridayBeforeChristmas);

        Rejected(result, RejectionReason.InvalidInput);
    }

    [Fact]
    public void Raise_ByTheRespondent_IsNotPermitted()
    {
        Rejected(Apply(null, Raise(), People.Respondent, FridayBeforeChristmas), RejectionReason.NotPermitted);
    }

    [Fact]
    public void Raise_ByTheRaisersManager_IsNotPermitted()
    {
        Rejected(Apply(null, Raise(), People.SchoolManager, FridayBeforeChristmas), RejectionReason.NotPermitted);
    }

    [Fact]
    public void Raise_ByTheDispatcher_IsNotPermitted()
    {
        Rejected(Dispatch(null, Raise(), FridayBeforeChristmas), RejectionReason.NotPermitted);
    }

    [Fact]
    public void Raise_AnExistingEscalation_IsWrongState()
    {
        var state = Raised();

        Rejected(Apply(state, Raise(), People.Raiser, FridayBeforeChristmas), RejectionReason.WrongState);
    }

    [Fact]
    public void Raise_AClosedEscalation_IsWrongState()
    {
        Rejected(Apply(Closed(EscalationStatus.Withdrawn), Raise(), People.Raiser, FridayBeforeChristmas), RejectionReason.WrongState);
    }

    [Fact]
    public void Raise_PolicyWithoutTheUrgentTrack_IsInvalidInput()
    {
        var standardOnly = Policy with
        {
            Tracks = new Dictionary<Track, IReadOnlyList<StageTimescale>> { [Track.Standard] = Policy.Tracks[Track.Standard] },
        };
        var table = new TransitionTable(standardOnly, Calendar.TestCalendar.London);

        Rejected(table.Apply(null, Raise(Track.Urgent), As(People.Raiser), FridayBeforeChristmas), RejectionReason.InvalidInput);
    }

    [Fact]
    public void Raise_WhenTheReminderWouldAlreadyBePast_SetsOnlyTheDeadlineTimer()
    {
        // The default policy has no such case (a working-day deadline always leaves its reminder after the start),
        // so a board's policy with a 2-hour stage and a 4-hour reminder shows the guard.
        var shortStage = Policy with
        {
            Tracks = new Dictionary<Track, IReadOnlyList<StageTimescale>>
            {
                [Track.Standard] = Policy.Tracks[Track.Standard],
                [Track.Urgent] = [.. Policy.Tracks[Track.Urgent].Select(t => t with { Deadline = new Duration(null, 2) })],
            },
        };
        var table = new TransitionTable(shortStage, Calendar.TestCalendar.London);

        var transition = Allowed(table.Apply(null, Raise(Track.Urgent), As(People.Raiser), FridayBeforeChristmas));

        Assert.Equal(Utc(2026, 12, 18, 12, 0), transition.State.StageDueAt);
        var timer = Assert.Single(transition.Timers);
        Assert.Equal(new TimerRequest(TimerKind.Deadline, 1, Utc(2026, 12, 18, 12, 0)), timer);
    }
}
