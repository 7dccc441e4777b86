using Escalation.Core.Engine;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary>
/// The respondent rule (contract version 2), and how the receiving side stands to escalations stored before it:
/// never on the raising side, whatever else the directory says.
/// </summary>
public class RespondentRuleTests
{
    [Fact]
    public void Respondent_PractitionerInAnotherAgency_Valid() =>
        Assert.Equal(RespondentFault.None, RespondentRule.Check(People.Raiser, People.Respondent));

    [Theory]
    [InlineData("CscManager")]
    [InlineData("CscSenior")]
    [InlineData("OutsiderSenior")]
    public void Respondent_ManagerOrSeniorInAnotherAgency_Valid(string name) =>
        Assert.True(RespondentRule.IsValid(People.Raiser, People.Named(name)));

    [Fact]
    public void Respondent_IsRaisersOwnManager_Refused() =>
        Assert.Equal(RespondentFault.RaisersOwnAgency, RespondentRule.Check(People.Raiser, People.SchoolManager));

    [Fact]
    public void Respondent_IsRaisersOwnSenior_Refused() =>
        Assert.Equal(RespondentFault.RaisersOwnAgency, RespondentRule.Check(People.Raiser, People.SchoolSenior));

    [Fact]
    public void Respondent_InRaisersOwnAgency_Refused()
    {
        var colleague = new TestDirectory().Add("School Colleague", Partnership.School, People.SchoolManager.Id, Roles.Practitioner);

        Assert.Equal(RespondentFault.RaisersOwnAgency, RespondentRule.Check(People.Raiser, colleague));
    }

    [Theory]
    [InlineData("BoardOfficer")]
    [InlineData("BoardChair")]
    [InlineData("Admin")]
    [InlineData("ReportViewer")]
    public void Respondent_WithoutAProfessionalRole_Refused(string name) =>
        Assert.Equal(RespondentFault.NotAProfessional, RespondentRule.Check(People.Raiser, People.Named(name)));

    [Fact]
    public void Respondent_ManagerInThePartnershipsOwnAgency_Refused()
    {
        var partnershipManager = new TestDirectory().Add("Partnership Manager", Guid.NewGuid(), null, Roles.Manager)
            with { InPartnershipAgency = true };

        Assert.Equal(RespondentFault.PartnershipAgency, RespondentRule.Check(People.Raiser, partnershipManager));
        Assert.Equal("the respondent works for the partnership itself", RespondentRule.ForBoard(RespondentFault.PartnershipAgency));
    }

    [Fact]
    public void Respondent_NotInTheDirectory_Refused() =>
        Assert.Equal(RespondentFault.NotInDirectory, RespondentRule.Check(People.Raiser, null));

    [Fact]
    public void RespondentIsRaisersOwnManager_StoredBeforeTheRule_RespondentNeverOnRaisingSide()
    {
        // A practitioner named their own line manager; the senior and the manager of that agency are the receiving side too.
        var manager = People.SchoolManager;

        Assert.Equal(Relation.Respondent, Relations.Of(manager, People.Raiser, manager));
        Assert.Equal(Relation.None, Relations.Of(People.SchoolSenior, People.Raiser, manager) & Relation.RaisingSide);
        Assert.Equal(Relation.Raiser, Relations.Of(People.Raiser, People.Raiser, manager));
    }

    [Fact]
    public void RespondentIsRaisersOwnManager_StoredBeforeTheRule_RespondentCannotResolveEscalateOrWithdraw()
    {
        var manager = People.SchoolManager;
        var actor = new Actor(manager.Id, Relations.Of(manager, People.Raiser, manager));

        Assert.Equal(PermittedMoves.Respond, Table.PermittedMoves(Raised(), actor));
        Rejected(Table.Apply(Raised(), new Resolve(OutcomeKind.DecisionUpheld, "Upheld"), actor, FridayBeforeChristmas), RejectionReason.NotPermitted);
        Rejected(Table.Apply(Raised(), new Escalate("Up"), actor, FridayBeforeChristmas), RejectionReason.NotPermitted);
    }

    [Fact]
    public void RespondentIsRaisersOwnSenior_StoredBeforeTheRule_OwnAgencyManagerCannotResolve()
    {
        var senior = People.SchoolSenior;
        var actor = new Actor(People.SchoolManager.Id, Relations.Of(People.SchoolManager, People.Raiser, senior));

        Assert.Equal(Relation.None, actor.Relation & Relation.RaisingSide);
        Rejected(Table.Apply(Raised() with { Stage = 2, HighestStage = 2 }, new Resolve(OutcomeKind.DecisionUpheld, "Upheld"), actor,
            FridayBeforeChristmas), RejectionReason.NotPermitted);
    }

    [Fact]
    public void ReportViewer_AlsoAParty_StandsInNoRelation()
    {
        var viewer = new TestDirectory().Add("Viewing Social Worker", Partnership.Csc, null, Roles.Practitioner, Roles.ReportViewer);

        Assert.Equal(Relation.None, Relations.Of(viewer, People.Raiser, viewer));
    }

    [Fact]
    public void Admin_AlsoOnTheBoard_Sees() =>
        Assert.True(Relations.CanSee(
            Relations.Of(new TestDirectory().Add("Admin Officer", Partnership.Board, null, Roles.Admin, Roles.BoardBusinessUnit), People.Raiser, People.Respondent),
            Policy, highestStage: 1));
}
