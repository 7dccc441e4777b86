using Escalation.Core.Engine;
using Escalation.Core.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary>The transition table's <see cref="Respond"/> and <see cref="Escalate"/> moves.</summary>
public class RespondAndEscalateMoveTests
{
    /// <summary>Monday 21 December 2026, 10:00 in London (GMT).</summary>
    private static readonly DateTimeOffset Monday = Utc(2026, 12, 21, 10, 0);

    public static TheoryData<string> Parties => ["Raiser", "Respondent"];

    public static TheoryData<string> RaisingSide => ["Raiser", "SchoolManager", "SchoolSenior"];

    public static TheoryData<string> NotRaisingSide => ["Respondent", "CscManager", "CscSenior", "BoardOfficer", "BoardChair", "Admin", "Outsider"];

    private static DirectoryPerson Person(string name) => People.Named(name);

    [Theory]
    [MemberData(nameof(Parties))]
    public void Respond_ByAPartyAtStage1_IsAllowed(string party)
    {
        Allowed(Apply(Raised(), new Respond("We will look again"), Person(party), Monday));
    }

    [Fact]
    public void Respond_ByTheReceivingSideManagerAtStage2_IsAllowed()
    {
        Allowed(Apply(Raised(startAtStage: 2), new Respond("I have reviewed the referral"), People.CscManager, Monday));
    }

    [Fact]
    public void Respond_ByTheReceivingSideManagerAtStage1_IsNotPermitted()
    {
        Rejected(Apply(Raised(), new Respond("Note"), People.CscManager, Monday), RejectionReason.NotPermitted);
    }

    [Fact]
    public void Respond_ByAnOutsider_IsNotPermitted()
    {
        Rejected(Apply(Raised(), new Respond("Note"), People.Outsider, Monday), RejectionReason.NotPermitted);
    }

    [Fact]
    public void Respond_ByAManagerInAnotherAgencyAtStage2_IsNotPermitted()
    {
        Rejected(Apply(Raised(startAtStage: 2), new Respond("Note"), People.OutsiderManager, Monday), RejectionReason.NotPermitted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Respond_WithEmptyNote_IsInvalidInput(string note)
    {
        Rejected(Apply(Raised(), new Respond(note), People.Respondent, Monday), RejectionReason.InvalidInput);
    }

    [Fact]
    public void Respond_ByRespondent_AddsRespondedEntryAndBumpsVersionOnly()
    {
        var before = Raised();

        var transition = Allowed(Apply(before, new Respond("We will look again"), People.Respondent, Monday));

        Assert.Equal(before with { Version = 2 }, transition.State);
        var item = Assert.Single(transition.History);
        Assert.Equal(new HistoryItem(Monday, HistoryType.Responded, 1, People.Respondent.Id, "We will look again"), item);
        Assert.Null(transition.StageLeft);
        Assert.Null(transition.StageEntered);
        Assert.False(transition.CancelPendingTimers);
        Assert.Empty(transition.Timers);
        var mail = Assert.Single(transition.Mails);
        Assert.Equal((NotificationEvent.Responded, 1, People.Respondent.Id), (mail.Event, mail.Stage, mail.Except));
        Assert.Equal([Audience.Parties, Audience.StageActors], mail.Audiences);
    }

    [Theory]
    [MemberData(nameof(RaisingSide))]
    public void Escalate_ByTheRaisingSide_IsAllowed(string person)
    {
        Allowed(Apply(Raised(), new Escalate("No reply in two days"), Person(person), Monday));
    }

    [Theory]
    [MemberData(nameof(NotRaisingSide))]
    public void Escalate_ByAnyoneNotOnTheRaisingSide_IsNotPermitted(string person)
    {
        Rejected(Apply(Raised(startAtStage: 3), new Escalate("We disagree"), Person(person), Monday), RejectionReason.NotPermitted);
    }

    [Fact]
    public void Escalate_ByTheDispatcher_IsNotPermitted()
    {
        Rejected(Dispatch(Raised(), new Escalate("Timer"), Monday), RejectionReason.NotPermitted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Escalate_WithEmptyReason_IsInvalidInput(string reason)
    {
        Rejected(Apply(Raised(), new Escalate(reason), People.Raiser, Monday), RejectionReason.InvalidInput);
    }

    [Fact]
    public void Escalate_AtStage4_IsWrongState()
    {
        Rejected(Apply(Raised(startAtStage: 4), new Escalate("Still unresolved"), People.Raiser, Monday), RejectionReason.WrongState);
    }

    [Fact]
    public void Escalate_StandardFromStage1OnMonday21December2026_EntersStage2DueOn30December()
    {
        var before = Raised(Track.Standard, FridayBeforeChristmas);

        var transition = Allowed(Apply(before, new Escalate("No reply"), People.Raiser, Monday));

        var due = Utc(2026, 12, 30, 23, 59, 59);
        Assert.Equal(
            before with { Stage = 2, HighestStage = 2, StageStartedAt = Monday, StageDueAt = due, Version = 2 },
            transition.State);
        Assert.Equal(new StageLeft(1, Monday, StageExit.EscalatedByRaisingSide), transition.StageLeft);
        Assert.Equal(new StageEntered(2, Monday, due), transition.StageEntered);
        Assert.True(transition.CancelPendingTimers);
        Assert.Equal(
            [
                new TimerRequest(TimerKind.Reminder, 2, Utc(2026, 12, 29, 23, 59, 59)),
                new TimerRequest(TimerKind.Deadline, 2, due),
            ],
            transition.Timers);
    }

    [Fact]
    public void Escalate_ByTheRaisersManager_WritesEscalatedEntryWithTheirIdAndMailsStageEntered()
    {
        var transition = Allowed(Apply(Raised(), new Escalate("No reply"), People.SchoolManager, Monday));

        var item = Assert.Single(transition.History);
        Assert.Equal(new HistoryItem(Monday, HistoryType.Escalated, 2, People.SchoolManager.Id, "No reply"), item);
        var mail = Assert.Single(transition.Mails);
        Assert.Equal(new MailIntent(NotificationEvent.StageEntered, 2, mail.Audiences), mail);
        Assert.Equal([Audience.Parties, Audience.StageActors], mail.Audiences);
    }

    [Fact]
    public void Escalate_UrgentFromStage3OnMonday21December2026_EntersStage4DueInTwoWorkingDays()
    {
        var before = Raised(Track.Urgent, FridayBeforeChristmas, startAtStage: 3);

        var transition = Allowed(Apply(before, new Escalate("Child still at home"), People.SchoolSenior, Monday));

        Assert.Equal(4, transition.State.Stage);
        Assert.Equal(4, transition.State.HighestStage);
        Assert.Equal(Utc(2026, 12, 23, 23, 59, 59), transition.State.StageDueAt);
        Assert.Equal(
            [
                new TimerRequest(TimerKind.Reminder, 4, Utc(2026, 12, 23, 19, 59, 59)),
                new TimerRequest(TimerKind.Deadline, 4, Utc(2026, 12, 23, 23, 59, 59)),
            ],
            transition.Timers);
    }

    [Fact]
    public void Escalate_TwiceFromStage1_ReachesStage3AtVersion3()
    {
        var stage2 = Allowed(Apply(Raised(), new Escalate("No reply"), People.Raiser, Monday)).State;

        var stage3 = Allowed(Apply(stage2, new Escalate("Managers disagree"), People.SchoolManager, Monday.AddHours(2))).State;

        Assert.Equal((3, 3, 3), (stage3.Stage, stage3.HighestStage, stage3.Version));
    }
}
