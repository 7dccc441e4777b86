using Escalation.Core.Engine;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary>
/// <see cref="TransitionTable.PermittedMoves"/>: what a person may do now, answered by the same guards as
/// <see cref="TransitionTable.Apply"/>, so the two can never disagree.
/// </summary>
public class PermittedMovesTests
{
    private static readonly string[] Everyone =
    [
        "Raiser", "SchoolManager", "SchoolSenior", "Respondent", "CscManager", "CscSenior", "BoardOfficer", "BoardChair",
        "Admin", "ReportViewer", "Outsider", "OutsiderManager", "OutsiderSenior",
    ];

    public static TheoryData<string, int> PeopleAndStages()
    {
        var data = new TheoryData<string, int>();
        foreach (var person in Everyone)
        {
            foreach (var stage in new[] { 1, 2, 3, 4 })
                data.Add(person, stage);
        }

        return data;
    }

    private static EscalationState AtStage(int stage) => Raised() with { Stage = stage, HighestStage = stage };

    private static Move Sample(PermittedMoves move) => move switch
    {
        PermittedMoves.Respond => new Respond("A note"),
        PermittedMoves.Escalate => new Escalate("No agreement"),
        PermittedMoves.Resolve => new Resolve(OutcomeKind.DecisionChanged, "Agreed"),
        PermittedMoves.BoardDecision => new Resolve(OutcomeKind.BoardDecision, "The board decided"),
        _ => new Withdraw("No longer needed"),
    };

    [Theory]
    [MemberData(nameof(PeopleAndStages))]
    public void PermittedMoves_AgreesWithApply_ForEveryPersonAndStage(string name, int stage)
    {
        var person = People.Named(name);
        var state = AtStage(stage);

        var permitted = Table.PermittedMoves(state, As(person));

        foreach (var move in new[] { PermittedMoves.Respond, PermittedMoves.Escalate, PermittedMoves.Resolve, PermittedMoves.BoardDecision, PermittedMoves.Withdraw })
        {
            var applied = Apply(state, Sample(move), person, FridayBeforeChristmas.AddHours(1)).IsAllowed;
            Assert.True(applied == permitted.HasFlag(move), $"{name} at stage {stage}: {move} applies {applied}, permitted says {permitted}");
        }
    }

    [Theory]
    [InlineData(EscalationStatus.Resolved)]
    [InlineData(EscalationStatus.Withdrawn)]
    public void PermittedMoves_OnAClosedEscalation_None(EscalationStatus status) =>
        Assert.Equal(PermittedMoves.None, Table.PermittedMoves(Closed(status), As(People.Raiser)));

    [Fact]
    public void Raiser_AtStage1_MayRespondEscalateResolveAndWithdraw() =>
        Assert.Equal(PermittedMoves.Respond | PermittedMoves.Escalate | PermittedMoves.Resolve | PermittedMoves.Withdraw,
            Table.PermittedMoves(AtStage(1), As(People.Raiser)));

    [Fact]
    public void Respondent_AtStage1_MayOnlyRespond() =>
        Assert.Equal(PermittedMoves.Respond, Table.PermittedMoves(AtStage(1), As(People.Respondent)));

    [Fact]
    public void RespondentsManager_CannotResolve()
    {
        var state = AtStage(2);

        Assert.Equal(PermittedMoves.Respond, Table.PermittedMoves(state, As(People.CscManager)));
        Rejected(Apply(state, new Resolve(OutcomeKind.DecisionUpheld, "Upheld"), People.CscManager, FridayBeforeChristmas), RejectionReason.NotPermitted);
    }

    [Fact]
    public void RespondentsSenior_CannotEscalate() =>
        Rejected(Apply(AtStage(3), new Escalate("To the board"), People.CscSenior, FridayBeforeChristmas), RejectionReason.NotPermitted);

    [Fact]
    public void Board_AtLastStage_MayRespondResolveAndRecordTheBoardsDecision() =>
        Assert.Equal(PermittedMoves.Respond | PermittedMoves.Resolve | PermittedMoves.BoardDecision,
            Table.PermittedMoves(AtStage(4), As(People.BoardOfficer)));

    [Fact]
    public void ReportViewer_MayDoNothing_AtAnyStage()
    {
        foreach (var stage in new[] { 1, 2, 3, 4 })
            Assert.Equal(PermittedMoves.None, Table.PermittedMoves(AtStage(stage), As(People.ReportViewer)));
    }
}
