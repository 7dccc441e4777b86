using Escalation.Core.Engine;
using Escalation.Core.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary><see cref="Recipients"/>: a mail intent's audiences turned into people from the directory.</summary>
public class RecipientsTests
{
    private static MailIntent Intent(NotificationEvent notification, int stage) =>
        new(notification, stage, Policy.Notifications[notification]);

    private static IReadOnlyList<Recipient> For(MailIntent intent, int highestStage) =>
        new Recipients(Policy, People.Directory).For(intent, People.Raiser.Id, People.Respondent.Id, highestStage);

    private static IReadOnlyList<Recipient> For(NotificationEvent notification, int stage, int? highestStage = null) =>
        For(Intent(notification, stage), highestStage ?? stage);

    private static void AssertPeople(IEnumerable<Recipient> recipients, params DirectoryPerson[] expected)
    {
        var actual = recipients.Select(r => r.PersonId!.Value).ToList();
        Assert.Equal(actual.Count, actual.Distinct().Count());
        Assert.Equal(expected.Select(p => p.Name).Order(), People.Directory.NamesOf(actual).Order());
    }

    [Fact]
    public void Raised_GoesToRespondentRaiserAndBoardBusinessUnit()
    {
        var recipients = For(NotificationEvent.Raised, 1);

        Assert.Equal(
            [(People.Respondent.Id, Audience.Respondent), (People.Raiser.Id, Audience.Raiser), (People.BoardOfficer.Id, Audience.BoardBusinessUnit)],
            recipients.Select(r => (r.PersonId, r.Audience)));
    }

    [Fact]
    public void Recipient_CarriesNameAndEmailFromTheDirectory()
    {
        var recipient = For(NotificationEvent.Raised, 1)[0];

        Assert.Equal(new Recipient(People.Respondent.Id, People.Respondent.Name, People.Respondent.Email, Audience.Respondent), recipient);
    }

    [Fact]
    public void StageEntered_AtStage2_GoesToPartiesAndBothLineManagers()
    {
        var recipients = For(NotificationEvent.StageEntered, 2);

        AssertPeople(recipients, People.Raiser, People.Respondent, People.SchoolManager, People.CscManager);
        Assert.Equal(Audience.StageActors, Assert.Single(recipients, r => r.PersonId == People.CscManager.Id).Audience);
    }

    [Fact]
    public void StageEntered_AtStage2_PartyWithoutLineManager_GoesToTheManagersOfTheirAgency()
    {
        var directory = new TestDirectory();
        var first = directory.Add("First School Manager", Partnership.School, null, Roles.Manager);
        var second = directory.Add("Second School Manager", Partnership.School, null, Roles.Manager);
        directory.Add("Police Manager", Partnership.Police, null, Roles.Manager);
        var raiser = directory.Add("Unmanaged Practitioner", Partnership.School, null, Roles.Practitioner);
        var cscManager = directory.Add("CSC Manager", Partnership.Csc, null, Roles.Manager);
        var respondent = directory.Add("Social Worker", Partnership.Csc, cscManager.Id, Roles.Practitioner);

        var recipients = new Recipients(Policy, directory).For(Intent(NotificationEvent.StageEntered, 2), raiser.Id, respondent.Id, 2);

        Assert.Equal(
            new[] { raiser, respondent, first, second, cscManager }.Select(p => p.Id).Order(),
            recipients.Select(r => r.PersonId!.Value).Order());
    }

    [Fact]
    public void StageEntered_AtStage2_LineManagerMissingFromDirectory_FallsBackToTheManagersOfTheAgency()
    {
        var directory = new TestDirectory();
        var schoolManager = directory.Add("School Manager", Partnership.School, null, Roles.Manager);
        var raiser = directory.Add("Practitioner", Partnership.School, Guid.NewGuid(), Roles.Practitioner);
        var respondent = directory.Add("Social Worker", Partnership.Csc, null, Roles.Practitioner);

        var recipients = new Recipients(Policy, directory).For(Intent(NotificationEvent.StageEntered, 2), raiser.Id, respondent.Id, 2);

        Assert.Equal(new[] { raiser, respondent, schoolManager }.Select(p => p.Id).Order(), recipients.Select(r => r.PersonId!.Value).Order());
    }

    [Fact]
    public void StageEntered_AtStage3_GoesToPartiesAndTheSeniorsOfBothAgencies()
    {
        AssertPeople(For(NotificationEvent.StageEntered, 3), People.Raiser, People.Respondent, People.SchoolSenior, People.CscSenior);
    }

    [Fact]
    public void StageEntered_AtStage4_GoesToPartiesBoardBusinessUnitAndChair()
    {
        AssertPeople(For(NotificationEvent.StageEntered, 4), People.Raiser, People.Respondent, People.BoardOfficer, People.BoardChair);
    }

    [Fact]
    public void Reminder_AtStage1_GoesToTheParties()
    {
        AssertPeople(For(NotificationEvent.Reminder, 1), People.Raiser, People.Respondent);
    }

    [Fact]
    public void Reminder_AtStage2_GoesOnlyToTheManagers()
    {
        AssertPeople(For(NotificationEvent.Reminder, 2), People.SchoolManager, People.CscManager);
    }

    [Fact]
    public void DeadlineMissed_AtStage1_GoesToPartiesAndTheNextStageUp()
    {
        AssertPeople(For(NotificationEvent.DeadlineMissed, 1), People.Raiser, People.Respondent, People.SchoolManager, People.CscManager);
    }

    [Fact]
    public void DeadlineMissedAndMovedUp_AtStage1_TellsEachPersonOnceWithTheManagersAsTheNextStage()
    {
        var intent = Intent(NotificationEvent.DeadlineMissed, 1) with { NextStageAudiences = Policy.Notifications[NotificationEvent.StageEntered] };

        var recipients = For(intent, 2);

        (Guid, Audience)[] expected =
        [
            (People.Raiser.Id, Audience.Parties), (People.Respondent.Id, Audience.Parties),
            (People.SchoolManager.Id, Audience.NextStageActors), (People.CscManager.Id, Audience.NextStageActors),
        ];
        Assert.Equal(expected.Order(), recipients.Select(r => (r.PersonId!.Value, r.Audience)).Order());
    }

    [Fact]
    public void DeadlineMissedAndMovedUp_AtStage3_AlsoTellsTheBoardChairTheBoardNowActs()
    {
        var intent = Intent(NotificationEvent.DeadlineMissed, 3) with { NextStageAudiences = Policy.Notifications[NotificationEvent.StageEntered] };

        AssertPeople(For(intent, 4), People.Raiser, People.Respondent, People.BoardOfficer, People.BoardChair);
    }

    [Fact]
    public void RaisedAtStage2_TellsEachPersonOnce_TheManagersAsTheOnesWhoAct()
    {
        var intent = Assert.Single(RaiseTransition(Track.Standard, FridayBeforeChristmas, startAtStage: 2, reason: "The managers have met").Mails);

        var recipients = For(intent, 2);

        (Guid, Audience)[] expected =
        [
            (People.Raiser.Id, Audience.Parties), (People.Respondent.Id, Audience.Parties),
            (People.SchoolManager.Id, Audience.StageActors), (People.CscManager.Id, Audience.StageActors),
            (People.BoardOfficer.Id, Audience.BoardBusinessUnit),
        ];
        Assert.Equal(expected.Order(), recipients.Select(r => (r.PersonId!.Value, r.Audience)).Order());
    }

    [Fact]
    public void RaisedAtStage4_TellsTheBoardBusinessUnitOnce_AsTheOnesWhoAct_AndTheChair()
    {
        var intent = Assert.Single(RaiseTransition(Track.Standard, FridayBeforeChristmas, startAtStage: 4, reason: "Seniors could not agree").Mails);

        var recipients = For(intent, 4);

        AssertPeople(recipients, People.Raiser, People.Respondent, People.BoardOfficer, People.BoardChair);
        Assert.Equal(Audience.StageActors, Assert.Single(recipients, r => r.PersonId == People.BoardOfficer.Id).Audience);
    }

    [Fact]
    public void NextStageActors_AtStage4_AreTheStage4Actors()
    {
        var intent = new MailIntent(NotificationEvent.DeadlineMissed, 4, [Audience.NextStageActors]);

        AssertPeople(For(intent, 4), People.BoardOfficer, People.BoardChair);
    }

    [Fact]
    public void EveryoneSoFar_AfterReachingStage3_IsPartiesManagersAndSeniorsButNotTheBoard()
    {
        var intent = new MailIntent(NotificationEvent.Resolved, 3, [Audience.EveryoneSoFar]);

        AssertPeople(For(intent, 3), People.Raiser, People.Respondent, People.SchoolManager, People.CscManager,
            People.SchoolSenior, People.CscSenior);
    }

    [Fact]
    public void Resolved_AtStage1_GoesToPartiesAndTheBoardBusinessUnitOnly()
    {
        AssertPeople(For(NotificationEvent.Resolved, 1), People.Raiser, People.Respondent, People.BoardOfficer);
    }

    [Fact]
    public void Withdrawn_AtStage4_GoesToEveryoneSoFarOnceEachIncludingTheChair()
    {
        var recipients = For(NotificationEvent.Withdrawn, 4);

        AssertPeople(recipients, People.Raiser, People.Respondent, People.SchoolManager, People.CscManager,
            People.SchoolSenior, People.CscSenior, People.BoardOfficer, People.BoardChair);
        Assert.Equal(Audience.EveryoneSoFar, Assert.Single(recipients, r => r.PersonId == People.BoardOfficer.Id).Audience);
    }

    [Fact]
    public void EveryoneSoFar_LineManagerWhoIsAlsoASenior_IsMailedOnce()
    {
        var directory = new TestDirectory();
        var head = directory.Add("Head Teacher", Partnership.School, null, Roles.Manager, Roles.Senior);
        var raiser = directory.Add("Teacher", Partnership.School, head.Id, Roles.Practitioner);
        var cscSenior = directory.Add("CSC Senior", Partnership.Csc, null, Roles.Senior);
        var cscManager = directory.Add("CSC Manager", Partnership.Csc, cscSenior.Id, Roles.Manager);
        var respondent = directory.Add("Social Worker", Partnership.Csc, cscManager.Id, Roles.Practitioner);

        var recipients = new Recipients(Policy, directory).For(Intent(NotificationEvent.Resolved, 3), raiser.Id, respondent.Id, 3);

        Assert.Equal(
            new[] { raiser, respondent, head, cscManager, cscSenior }.Select(p => p.Id).Order(),
            recipients.Select(r => r.PersonId!.Value).Order());
    }

    [Fact]
    public void StageEntered_AtStage3_PartiesInTheSameAgency_EachSeniorOnce()
    {
        var directory = new TestDirectory();
        var senior = directory.Add("CSC Senior", Partnership.Csc, null, Roles.Senior);
        var raiser = directory.Add("Early Help Worker", Partnership.Csc, null, Roles.Practitioner);
        var respondent = directory.Add("Social Worker", Partnership.Csc, null, Roles.Practitioner);

        var recipients = new Recipients(Policy, directory).For(Intent(NotificationEvent.StageEntered, 3), raiser.Id, respondent.Id, 3);

        Assert.Equal(new[] { raiser, respondent, senior }.Select(p => p.Id).Order(), recipients.Select(r => r.PersonId!.Value).Order());
    }

    [Fact]
    public void For_PartyNoLongerInTheDirectory_IsLeftOutWithoutFailing()
    {
        var recipients = new Recipients(Policy, People.Directory)
            .For(Intent(NotificationEvent.StageEntered, 1), Guid.NewGuid(), People.Respondent.Id, 1);

        AssertPeople(recipients, People.Respondent);
    }

    [Fact]
    public void Responded_ByRespondentAtStage1_GoesToRaiser_NeverTheAuthor()
    {
        var recipients = For(Intent(NotificationEvent.Responded, 1) with { Except = People.Respondent.Id }, 1);

        AssertPeople(recipients, People.Raiser);
    }

    [Fact]
    public void Responded_ByRespondentsManagerAtStage2_GoesToPartiesAndRaisersManager_NeverTheAuthor()
    {
        var recipients = For(Intent(NotificationEvent.Responded, 2) with { Except = People.CscManager.Id }, 2);

        AssertPeople(recipients, People.Raiser, People.Respondent, People.SchoolManager);
    }
}
