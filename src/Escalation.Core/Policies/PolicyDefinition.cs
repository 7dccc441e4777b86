namespace Escalation.Core.Policies;

/// <summary>
/// A versioned escalation policy, read from a JSON file in <c>workflows/</c>.
/// Everything a board may change (stages, timescales, categories, who is told) lives here, never in code.
/// </summary>
public sealed record PolicyDefinition(
    string Id,
    int Version,
    string Title,
    IReadOnlyList<StageDefinition> Stages,
    IReadOnlyDictionary<Track, IReadOnlyList<StageTimescale>> Tracks,
    IReadOnlyList<CategoryDefinition> Categories,
    IReadOnlyList<LevelOfNeedDefinition> LevelsOfNeed,
    IReadOnlyDictionary<NotificationEvent, IReadOnlyList<Audience>> Notifications)
{
    /// <summary>The stage with this number; throws if the policy has none.</summary>
    public StageDefinition Stage(int number) =>
        Stages.FirstOrDefault(s => s.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"Policy '{Id}' v{Version} has no stage {number}.");

    /// <summary>The deadline and reminder for a stage on a track.</summary>
    public StageTimescale Timescale(Track track, int stageNumber) =>
        Tracks[track].First(t => t.Stage == stageNumber);

    public int FirstStage => Stages[0].Number;

    public int LastStage => Stages[^1].Number;

    /// <summary>The stage after this one, or null at the last stage.</summary>
    public StageDefinition? NextStage(int number) =>
        Stages.Where(s => s.Number > number).OrderBy(s => s.Number).FirstOrDefault();

    public bool HasCategory(string key) => Categories.Any(c => c.Key == key);

    public bool HasLevelOfNeed(int level) => LevelsOfNeed.Any(l => l.Level == level);
}

/// <summary>One rung of the escalation ladder.</summary>
public sealed record StageDefinition(
    int Number,
    string Key,
    string Title,
    WhoActs WhoActs,
    DeadlineAction OnDeadline,
    IReadOnlyList<Audience> AlsoTell);

/// <summary>How long a stage lasts on one track, and when the reminder goes.</summary>
public sealed record StageTimescale(int Stage, Duration Deadline, ReminderOffset? Reminder);

/// <summary>A deadline length: whole working days, or exact elapsed hours.</summary>
public sealed record Duration(int? WorkingDays, int? Hours);

/// <summary>How long before the deadline the reminder is due.</summary>
public sealed record ReminderOffset(int? WorkingDaysBefore, int? HoursBefore);

public sealed record CategoryDefinition(string Key, string Label);

public sealed record LevelOfNeedDefinition(int Level, string Label);

/// <summary>The track an escalation runs on.</summary>
public enum Track
{
    Standard,
    Urgent,
}

/// <summary>Who is expected to act at a stage.</summary>
public enum WhoActs
{
    Parties,
    Managers,
    Seniors,
    Board,
}

/// <summary>What happens when a stage's deadline passes without a resolution.</summary>
public enum DeadlineAction
{
    /// <summary>Move to the next stage automatically.</summary>
    Escalate,

    /// <summary>Only tell the parties and the next stage up.</summary>
    Notify,
}

/// <summary>The events that send mail.</summary>
public enum NotificationEvent
{
    Raised,
    StageEntered,
    Reminder,
    DeadlineMissed,
    Resolved,
    Withdrawn,

    /// <summary>A response was added (contract version 2). Optional in a policy: one without it sends no such mail.</summary>
    Responded,
}

/// <summary>A group of people told about an event, resolved to addresses from the directory.</summary>
public enum Audience
{
    /// <summary>The practitioner who raised the escalation.</summary>
    Raiser,

    /// <summary>The professional whose decision is challenged.</summary>
    Respondent,

    /// <summary>The raiser and the respondent.</summary>
    Parties,

    /// <summary>The people who act at the current stage (see <see cref="WhoActs"/>), plus the stage's <c>alsoTell</c>.</summary>
    StageActors,

    /// <summary>The people who act at the next stage up; at the last stage, those who act at it.</summary>
    NextStageActors,

    /// <summary>Everyone who has acted at any stage reached so far.</summary>
    EveryoneSoFar,

    BoardBusinessUnit,

    BoardChair,
}
