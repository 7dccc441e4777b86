using Escalation.Core.Engine;
using Escalation.Core.Policies;

namespace Escalation.Core.Tests.Engine;

/// <summary>Someone who has left: refused as a respondent, never mailed, and reached through whoever takes over.</summary>
public class DeactivatedPeopleTests
{
    private static readonly DateTimeOffset Left = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Csc = Guid.NewGuid();

    private readonly TestDirectory _directory = new();
    private readonly DirectoryPerson _raiser;
    private readonly DirectoryPerson _cscManager;
    private readonly DirectoryPerson _cscOtherManager;
    private readonly DirectoryPerson _respondent;

    public DeactivatedPeopleTests()
    {
        var schoolManager = _directory.Add("School Manager", School, null, Roles.Manager);
        _raiser = _directory.Add("School Practitioner", School, schoolManager.Id, Roles.Practitioner);
        _cscManager = _directory.Add("CSC Manager", Csc, null, Roles.Manager);
        _cscOtherManager = _directory.Add("CSC Other Manager", Csc, null, Roles.Manager);
        _respondent = _directory.Add("CSC Social Worker", Csc, _cscManager.Id, Roles.Practitioner);
        _directory.Add("Board Officer", Guid.NewGuid(), null, Roles.BoardBusinessUnit);
    }

    [Fact]
    public void Respondent_Deactivated_RefusedAsHavingLeft()
    {
        var left = _directory.Deactivate(_respondent, Left);

        var fault = RespondentRule.Check(_raiser, left);

        Assert.Equal(RespondentFault.Deactivated, fault);
        Assert.Contains("has left", RespondentRule.ForRaiser(fault), StringComparison.Ordinal);
    }

    [Fact]
    public void TakeOver_DepartedRespondent_IsTheirLineManager()
    {
        var left = _directory.Deactivate(_respondent, Left);

        Assert.Equal([_cscManager], TakeOver.LineManagers(_directory, left));
        Assert.Equal([_cscManager], TakeOver.Reach(_directory, left));
    }

    [Fact]
    public void TakeOver_PartyWhoseLineManagerLeft_IsTheOtherManagersOfTheirAgency()
    {
        _directory.Deactivate(_cscManager, Left);

        Assert.Equal([_cscOtherManager], TakeOver.LineManagers(_directory, _respondent));
    }

    [Fact]
    public void TakeOver_ActiveParty_IsThemselves() =>
        Assert.Equal([_respondent], TakeOver.Reach(_directory, _respondent));

    [Fact]
    public void Raised_WithRespondentDeactivated_MailsTheirLineManagerNotThem()
    {
        _directory.Deactivate(_respondent, Left);
        var intent = new MailIntent(NotificationEvent.Raised, 1, TestData.Policy.Notifications[NotificationEvent.Raised]);

        var recipients = new Recipients(TestData.Policy, _directory).For(intent, _raiser.Id, _respondent.Id, 1);

        Assert.DoesNotContain(recipients, r => r.PersonId == _respondent.Id);
        Assert.Contains(recipients, r => r.PersonId == _cscManager.Id && r.Audience == Audience.Respondent);
    }

    [Fact]
    public void StageEntered_AtManagersStage_WithLineManagerDeactivated_MailsTheOtherManagers()
    {
        _directory.Deactivate(_cscManager, Left);
        var intent = new MailIntent(NotificationEvent.StageEntered, 2, TestData.Policy.Notifications[NotificationEvent.StageEntered]);

        var recipients = new Recipients(TestData.Policy, _directory).For(intent, _raiser.Id, _respondent.Id, 2);

        Assert.DoesNotContain(recipients, r => r.PersonId == _cscManager.Id);
        Assert.Contains(recipients, r => r.PersonId == _cscOtherManager.Id);
    }
}
