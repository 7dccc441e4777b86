using Escalation.Core.Engine;
using Escalation.Core.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary>The transition table's <see cref="Resolve"/> and <see cref="Withdraw"/> moves.</summary>
public class ResolveAndWithdrawMoveTests
{
    /// <summary>Tuesday 22 December 2026, 14:00 in London (GMT).</summary>
    private static readonly DateTimeOffset Tuesday = Utc(2026, 12, 22, 14, 0);

    private static readonly Resolve Changed = new(OutcomeKind.DecisionChanged, "CSC will open an assessment");

    public static TheoryData<string, int> RaisingSideAtEveryStage()
    {
        var data = new TheoryData<string, int>();
        foreach (var person in new[] { "Raiser", "SchoolManager", "SchoolSenior" })
        {
            for (var stage = 1; stage <= 4; stage++)
            {
                data.Add(person, stage);
            }
        }

        return data;
    }

    private static DirectoryPerson Person(string name) => People.Named(name);

    [Theory]
    [MemberData(nameof(RaisingSideAtEveryStage))]
    public void Resolve_ByTheRaisingSide_IsAllowedAtAnyStage(string person, int stage)
    {
        Allowed(Apply(Raised(startAtStage: stage), Changed, Person(person), Tuesday));
    }

    [Theory]
    [InlineData("BoardOfficer", 1)]
    [InlineData("BoardOfficer", 2)]
    [InlineData("BoardChair", 3)]
    public void Resolve_ByTheBoardBeforeTheLastStage_IsNotPermitted(string person, int stage)
    {
        Rejected(Apply(Raised(startAtStage: stage), Changed, Person(person), Tuesday), RejectionReason.NotPermitted);
    }

    [Theory]
    [InlineData("BoardOfficer")]
    [InlineData("BoardChair")]
    public void Resolve_BoardDecisionByTheBoardAtStage4_IsAllowed(string person)
    {
        var transition = Allowed(Apply(Raised(startAtStage: 4), new Resolve(OutcomeKind.BoardDecision, "The board decides"),
            Person(person), Tuesday));

        Assert.Equal(EscalationStatus.Resolved, transition.State.Status);
    }

    [Theory]
    [InlineData("Respondent")]
    [InlineData("CscManager")]
    [InlineData("CscSenior")]
    [InlineData("Outsider")]
    public void Resolve_ByTheReceivingSideOrAnOutsider_IsNotPermittedEvenAtStage4(string person)
    {
        Rejected(Apply(Raised(startAtStage: 4), Changed, Person(person), Tuesday), RejectionReason.NotPermitted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Resolve_BoardDecisionBeforeTheLastStage_IsInvalidInput(int stage)
    {
        var result = Apply(Raised(startAtStage: stage), new Resolve(OutcomeKind.BoardDecision, "Decided"), People.Raiser, Tuesday);

        Rejected(result, RejectionReason.InvalidInput);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Resolve_WithEmptyStatement_IsInvalidInput(string statement)
    {
        Rejected(Apply(Raised(), new Resolve(OutcomeKind.DecisionUpheld, statement), People.Raiser, Tuesday), RejectionReason.InvalidInput);
    }

    [Fact]
    public void Resolve_AtStage2_ClosesAsResolvedCancelsTimersAndMailsEveryoneSoFarAndBoard()
    {
        var before = Raised(startAtStage: 2);

        var transition = Allowed(Apply(before, Changed, People.SchoolManager, Tuesday));

        Assert.Equal(before with { Status = EscalationStatus.Resolved, Version = 2 }, transition.State);
        Assert.False(transition.State.IsOpen);
        Assert.True(transition.CancelPendingTimers);
        Assert.Empty(transition.Timers);
        Assert.Equal(new StageLeft(2, Tuesday, StageExit.Resolved), transition.StageLeft);
        Assert.Null(transition.StageEntered);
        var item = Assert.Single(transition.History);
        Assert.Equal(new HistoryItem(Tuesday, HistoryType.Resolved, 2, People.SchoolManager.Id, Changed.Statement), item);
        var mail = Assert.Single(transition.Mails);
        Assert.Equal((NotificationEvent.Resolved, 2), (mail.Event, mail.Stage));
        Assert.Equal([Audience.EveryoneSoFar, Audience.BoardBusinessUnit], mail.Audiences);
    }

    [Fact]
    public void Withdraw_ByTheRaiser_ClosesAsWithdrawnAndMailsEveryoneSoFarAndBoard()
    {
        var before = Raised(startAtStage: 3);

        var transition = Allowed(Apply(before, new Withdraw("Resolved informally by phone"), People.Raiser, Tuesday));

        Assert.Equal(before with { Status = EscalationStatus.Withdrawn, Version = 2 }, transition.State);
        Assert.True(transition.CancelPendingTimers);
        Assert.Empty(transition.Timers);
        Assert.Equal(new StageLeft(3, Tuesday, StageExit.Withdrawn), transition.StageLeft);
        var item = Assert.Single(transition.History);
        Assert.Equal(new HistoryItem(Tuesday, HistoryType.Withdrawn, 3, People.Raiser.Id, "Resolved informally by phone"), item);
        var mail = Assert.Single(transition.Mails);
        Assert.Equal((NotificationEvent.Withdrawn, 3), (mail.Event, mail.Stage));
        Assert.Equal([Audience.EveryoneSoFar, Audience.BoardBusinessUnit], mail.Audiences);
    }

    [Theory]
    [InlineData("SchoolManager")]
    [InlineData("SchoolSenior")]
    [InlineData("Respondent")]
    [InlineData("BoardOfficer")]
    [InlineData("Admin")]
    public void Withdraw_ByAnyoneButTheRaiser_IsNotPermitted(string person)
    {
        Rejected(Apply(Raised(), new Withdraw("No longer needed"), Person(person), Tuesday), RejectionReason.NotPermitted);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Withdraw_WithoutReason_IsInvalidInput(string reason)
    {
        Rejected(Apply(Raised(), new Withdraw(reason), People.Raiser, Tuesday), RejectionReason.InvalidInput);
    }
}
