using Escalation.Core.Policies;
using Escalation.Core.Tests.TestSupport;

namespace Escalation.Core.Tests.Policies;

public class DefaultPolicyTests
{
    private static readonly PolicyDefinition Policy = PolicyLoader.Load(PolicyTestData.DefaultPath);

    [Fact]
    public void Load_DefaultPolicy_IsProfessionalDifferencesVersion1()
    {
        Assert.Equal("professional-differences", Policy.Id);
        Assert.Equal(1, Policy.Version);
        Assert.Equal("Resolving professional differences", Policy.Title);
    }

    [Fact]
    public void Load_DefaultPolicy_HasFourStagesFromPractitionerToBoard()
    {
        Assert.Equal([1, 2, 3, 4], Policy.Stages.Select(s => s.Number));
        Assert.Equal(["practitioner", "manager", "senior", "lscb"], Policy.Stages.Select(s => s.Key));
        Assert.Equal([WhoActs.Parties, WhoActs.Managers, WhoActs.Seniors, WhoActs.Board], Policy.Stages.Select(s => s.WhoActs));
        Assert.Equal(
            [DeadlineAction.Escalate, DeadlineAction.Escalate, DeadlineAction.Escalate, DeadlineAction.Notify],
            Policy.Stages.Select(s => s.OnDeadline));
        Assert.Equal([Audience.BoardChair], Policy.Stage(4).AlsoTell);
        Assert.Empty(Policy.Stage(1).AlsoTell);
    }

    [Fact]
    public void Load_DefaultPolicy_StandardTrackIs5_5_5_10WorkingDaysWithReminderADayBefore()
    {
        var standard = Policy.Tracks[Track.Standard];
        Assert.Equal([5, 5, 5, 10], standard.Select(t => t.Deadline.WorkingDays));
        Assert.All(standard, t => Assert.Null(t.Deadline.Hours));
        Assert.All(standard, t => Assert.Equal(new ReminderOffset(1, null), t.Reminder));
    }

    [Fact]
    public void Load_DefaultPolicy_UrgentTrackIs1_1_1_2WorkingDaysWithReminder4HoursBefore()
    {
        var urgent = Policy.Tracks[Track.Urgent];
        Assert.Equal([1, 1, 1, 2], urgent.Select(t => t.Deadline.WorkingDays));
        Assert.All(urgent, t => Assert.Equal(new ReminderOffset(null, 4), t.Reminder));
        Assert.Equal(new Duration(2, null), Policy.Timescale(Track.Urgent, 4).Deadline);
    }

    [Fact]
    public void Load_DefaultPolicy_HasTheContractsElevenCategories()
    {
        Assert.Equal(
            ["below-threshold", "section-47", "strategy-discussion", "no-conference", "plan-decision", "step-down-or-closure",
                "information-sharing", "service-provision", "roles-and-responsibilities", "drift", "other"],
            Policy.Categories.Select(c => c.Key));
        Assert.All(Policy.Categories, c => Assert.False(string.IsNullOrWhiteSpace(c.Label)));
    }

    [Fact]
    public void Load_DefaultPolicy_HasLevelsOfNeed1To4()
    {
        Assert.Equal([1, 2, 3, 4], Policy.LevelsOfNeed.Select(l => l.Level));
        Assert.Contains("universal", Policy.LevelsOfNeed[0].Label, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("child protection", Policy.LevelsOfNeed[3].Label, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_DefaultPolicy_TellsWhoTheContractSays()
    {
        Assert.Equal(Enum.GetValues<NotificationEvent>().Length, Policy.Notifications.Count);
        Assert.Equal([Audience.Respondent, Audience.Raiser, Audience.BoardBusinessUnit], Policy.Notifications[NotificationEvent.Raised]);
        Assert.Equal([Audience.Parties, Audience.StageActors], Policy.Notifications[NotificationEvent.StageEntered]);
        Assert.Equal([Audience.StageActors], Policy.Notifications[NotificationEvent.Reminder]);
        Assert.Equal([Audience.Parties, Audience.NextStageActors], Policy.Notifications[NotificationEvent.DeadlineMissed]);
        Assert.Equal([Audience.EveryoneSoFar, Audience.BoardBusinessUnit], Policy.Notifications[NotificationEvent.Resolved]);
        Assert.Equal([Audience.EveryoneSoFar, Audience.BoardBusinessUnit], Policy.Notifications[NotificationEvent.Withdrawn]);
    }

    [Fact]
    public void Load_DefaultPolicy_IsImmutable()
    {
        Assert.Throws<NotSupportedException>(() => ((IList<StageDefinition>)Policy.Stages).Add(Policy.Stages[0]));
        Assert.Throws<NotSupportedException>(() => ((IList<StageTimescale>)Policy.Tracks[Track.Urgent]).Clear());
        Assert.Throws<NotSupportedException>(() => ((IDictionary<Track, IReadOnlyList<StageTimescale>>)Policy.Tracks).Remove(Track.Urgent));
    }

    [Fact]
    public void LoadFolder_RepositoryWorkflows_LoadsTheDefaultPolicy()
    {
        var policies = PolicyLoader.LoadFolder(RepoPaths.Workflows);

        Assert.Contains(policies, p => p.Id == "professional-differences" && p.Version == 1);
    }
}
