using Escalation.Core.Policies;

namespace Escalation.Web.Pages.Display;

/// <summary>A policy's stages, tracks and timescales in plain words.</summary>
internal static class PolicyWords
{
    public static string WhoActs(WhoActs whoActs) => whoActs switch
    {
        Core.Policies.WhoActs.Parties => "the practitioners involved",
        Core.Policies.WhoActs.Managers => "the practitioners' line managers",
        Core.Policies.WhoActs.Seniors => "the senior managers or designated safeguarding professionals of both agencies",
        _ => "the safeguarding partnership board",
    };

    public static string Deadline(Duration duration) => PolicyDiagram.Describe(duration);

    public static string Reminder(ReminderOffset? reminder) => reminder switch
    {
        null => "No reminder",
        { WorkingDaysBefore: { } days } => $"{Plural(days, "working day")} before the deadline",
        { HoursBefore: { } hours } => $"{Plural(hours, "hour")} before the deadline",
        _ => "No reminder",
    };

    public static string OnDeadline(PolicyDefinition policy, StageDefinition stage) =>
        stage.OnDeadline == DeadlineAction.Escalate && policy.NextStage(stage.Number) is { } next
            ? $"Moves up to stage {next.Number} ({next.Title}) automatically"
            : "Everyone involved and the next people up are told; it stays at this stage";

    public static string StageName(PolicyDefinition policy, int number) =>
        $"Stage {number} of {policy.Stages.Count}: {policy.Stage(number).Title}";

    /// <summary>"stage 2 of 4: Manager", for the middle of a sentence.</summary>
    public static string StageNameInSentence(PolicyDefinition policy, int number) => "s" + StageName(policy, number)[1..];

    public static string Track(string track) => track == "urgent" ? "Urgent" : "Standard";

    public static string Outcome(string kind) => kind switch
    {
        "decision-changed" => "The decision was changed",
        "decision-upheld" => "The original decision stands",
        "board-decision" => "The safeguarding partnership board decided",
        _ => kind,
    };

    public static string Category(PolicyDefinition policy, string key) =>
        policy.Categories.FirstOrDefault(c => c.Key == key)?.Label ?? key;

    public static string LevelOfNeed(PolicyDefinition policy, int level) =>
        policy.LevelsOfNeed.FirstOrDefault(l => l.Level == level)?.Label ?? $"Level {level}";

    private static string Plural(int n, string one) => n == 1 ? $"1 {one}" : $"{n} {one}s";
}
