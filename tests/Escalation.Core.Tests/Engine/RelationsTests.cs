using Escalation.Core.Engine;
using Escalation.Core.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary><see cref="Relations"/>: how a person stands to an escalation, and who may see it.</summary>
public class RelationsTests
{
    private static DirectoryPerson Person(string name) => People.Named(name);

    private static Relation Of(DirectoryPerson person) => Relations.Of(person, People.Raiser, People.Respondent);

    private static bool CanSee(string person, int highestStage) => Relations.CanSee(Of(Person(person)), Policy, highestStage);

    [Fact]
    public void Of_ThePeopleOfThePartnership_StandAsExpected()
    {
        Assert.Equal(Relation.Raiser, Of(People.Raiser));
        Assert.Equal(Relation.Respondent, Of(People.Respondent));
        Assert.Equal(Relation.RaisingSideManager, Of(People.SchoolManager));
        Assert.Equal(Relation.ReceivingSideManager, Of(People.CscManager));
        Assert.Equal(Relation.RaisingSideSenior, Of(People.SchoolSenior));
        Assert.Equal(Relation.ReceivingSideSenior, Of(People.CscSenior));
        Assert.Equal(Relation.Board, Of(People.BoardOfficer));
        Assert.Equal(Relation.Board, Of(People.BoardChair));
        Assert.Equal(Relation.Admin, Of(People.Admin));
        Assert.Equal(Relation.None, Of(People.ReportViewer));
        Assert.Equal(Relation.None, Of(People.Outsider));
    }

    [Fact]
    public void Of_LineManagerInAnotherAgency_CountsAsThatPartysManager()
    {
        var directory = new TestDirectory();
        var lineManager = directory.Add("Trust Manager", Partnership.Police, null, Roles.Manager);
        var raiser = directory.Add("Practitioner", Partnership.School, lineManager.Id, Roles.Practitioner);

        Assert.Equal(Relation.RaisingSideManager, Relations.Of(lineManager, raiser, People.Respondent));
    }

    [Fact]
    public void Of_ManagerInThePartysAgencyWhoIsNotTheirLineManager_Counts()
    {
        var otherCscManager = new DirectoryPerson(Guid.NewGuid(), "Another CSC Manager", "a@example.org", Partnership.Csc, null,
            new HashSet<string> { Roles.Manager });

        Assert.Equal(Relation.ReceivingSideManager, Of(otherCscManager));
    }

    [Fact]
    public void Of_ManagerOrSeniorInAnotherAgency_DoesNotCount()
    {
        Assert.Equal(Relation.None, Of(People.OutsiderManager));
        Assert.Equal(Relation.None, Of(People.OutsiderSenior));
    }

    [Fact]
    public void Of_LineManagerWithoutTheManagerRole_StillStandsForTheirSide()
    {
        // The line manager is the one mailed at the managers' stage, so they must be able to see and act on it.
        var directory = new TestDirectory();
        var boss = directory.Add("Boss Without Role", Partnership.Police, null, Roles.Practitioner);
        var raiser = directory.Add("Practitioner", Partnership.School, boss.Id, Roles.Practitioner);

        Assert.Equal(Relation.RaisingSideManager, Relations.Of(boss, raiser, People.Respondent));
    }

    [Fact]
    public void Of_PersonWhoIsBothManagerAndSeniorOfTheRaisersAgency_HoldsBothRelations()
    {
        var both = new DirectoryPerson(Guid.NewGuid(), "Head Teacher", "h@example.org", Partnership.School, null,
            new HashSet<string> { Roles.Manager, Roles.Senior });

        Assert.Equal(Relation.RaisingSideManager | Relation.RaisingSideSenior, Of(both));
    }

    [Fact]
    public void Of_ManagerWhoIsAlsoThePartyHimself_IsOnlyTheParty()
    {
        var managerRaiser = new DirectoryPerson(Guid.NewGuid(), "Manager Raiser", "m@example.org", Partnership.School, null,
            new HashSet<string> { Roles.Practitioner, Roles.Manager, Roles.Senior });

        Assert.Equal(Relation.Raiser, Relations.Of(managerRaiser, managerRaiser, People.Respondent));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void CanSee_PartiesAndBoard_AtEveryStage(int highestStage)
    {
        Assert.True(CanSee("Raiser", highestStage));
        Assert.True(CanSee("Respondent", highestStage));
        Assert.True(CanSee("BoardOfficer", highestStage));
        Assert.True(CanSee("BoardChair", highestStage));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void CanSee_AdminWithoutBoardRole_Never(int highestStage) =>
        Assert.False(CanSee("Admin", highestStage));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void CanSee_OutsidersAndReportViewers_Never(int highestStage)
    {
        Assert.False(CanSee("Outsider", highestStage));
        Assert.False(CanSee("OutsiderManager", highestStage));
        Assert.False(CanSee("OutsiderSenior", highestStage));
        Assert.False(CanSee("ReportViewer", highestStage));
    }

    [Theory]
    [InlineData("CscManager")]
    [InlineData("SchoolManager")]
    public void CanSee_Managers_NotAtStage1(string manager)
    {
        Assert.False(CanSee(manager, 1));
    }

    [Theory]
    [InlineData("CscManager", 2)]
    [InlineData("CscManager", 3)]
    [InlineData("CscManager", 4)]
    [InlineData("SchoolManager", 2)]
    public void CanSee_Managers_OnceStage2HasBeenReached(string manager, int highestStage)
    {
        Assert.True(CanSee(manager, highestStage));
    }

    [Theory]
    [InlineData("CscSenior", 1, false)]
    [InlineData("CscSenior", 2, false)]
    [InlineData("CscSenior", 3, true)]
    [InlineData("CscSenior", 4, true)]
    [InlineData("SchoolSenior", 2, false)]
    [InlineData("SchoolSenior", 3, true)]
    public void CanSee_Seniors_OnlyFromStage3(string senior, int highestStage, bool expected)
    {
        Assert.Equal(expected, CanSee(senior, highestStage));
    }

    [Fact]
    public void ActorsOf_EachWhoActs_MapsToItsRelations()
    {
        Assert.Equal(Relation.Raiser | Relation.Respondent, Relations.ActorsOf(WhoActs.Parties));
        Assert.Equal(Relation.RaisingSideManager | Relation.ReceivingSideManager, Relations.ActorsOf(WhoActs.Managers));
        Assert.Equal(Relation.RaisingSideSenior | Relation.ReceivingSideSenior, Relations.ActorsOf(WhoActs.Seniors));
        Assert.Equal(Relation.Board, Relations.ActorsOf(WhoActs.Board));
    }

    [Fact]
    public void Actor_Is_MatchesAnyFlagOfAGroup()
    {
        var manager = new Actor(Guid.NewGuid(), Relation.RaisingSideManager);

        Assert.True(manager.Is(Relation.RaisingSide));
        Assert.True(manager.Is(Relation.Managers));
        Assert.False(manager.Is(Relation.Party));
        Assert.False(Actor.System.Is(Relation.RaisingSide | Relation.Board));
        Assert.Null(Actor.System.PersonId);
    }
}
