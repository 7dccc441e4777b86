using Escalation.Reports.Periods;

namespace Escalation.Reports.Model;

/// <summary>A count under a key (an agency kind, a category, a stage number as text), in the order the report shows them.</summary>
public sealed record KeyCount(string Key, int Count);

/// <summary>Deadlines met (resolved, or escalated by the raising side, in time) and missed (a deadline-missed entry).</summary>
public sealed record DeadlineCounts(int Met, int Missed);

/// <summary>Decision-prompt assessments made in the period: by the child's age band, and how many led to a referral.</summary>
public sealed record DecisionPromptCounts(IReadOnlyList<KeyCount> ByAgeBand, int Referred, int Total);

/// <summary>
/// The counts the contract asks for, for one period. Every escalation here was raised in the period; "open", "resolved"
/// and "withdrawn" say where those escalations stand when the report is made.
/// </summary>
public sealed record PeriodCounts(
    ReportPeriod Period,
    int Raised,
    int Resolved,
    int Open,
    int Withdrawn,
    IReadOnlyList<KeyCount> ByRaisingAgencyKind,
    IReadOnlyList<KeyCount> ByReceivingAgencyKind,
    IReadOnlyList<string> AgencyKindsWithNone,
    IReadOnlyList<string> AgenciesWithNone,
    IReadOnlyList<KeyCount> ByStageReached,
    IReadOnlyList<KeyCount> UrgentByStageReached,
    int Urgent,
    IReadOnlyList<KeyCount> ByCategory,
    IReadOnlyList<KeyCount> ByLevelOfNeed,
    IReadOnlyList<KeyCount> ByOutcome,
    DeadlineCounts Deadlines,
    double? MedianWorkingDaysToResolution,
    DecisionPromptCounts DecisionPrompts);

/// <summary>How many escalations went from agencies of one kind to agencies of another.</summary>
public sealed record AgencyKindPair(string RaisingKind, string ReceivingKind, int Count);

/// <summary>Deadlines met and missed at one stage.</summary>
public sealed record StageDeadlines(int Stage, int Met, int Missed);

/// <summary>One month of the period: escalations raised in it, and how their deadlines went.</summary>
public sealed record MonthTimeliness(ReportPeriod Month, int Raised, int Resolved, int Met, int Missed);

/// <summary>A learning theme or a piece of good practice as recorded at resolution, and how many escalations recorded it.</summary>
public sealed record TextCount(string Text, int Count);

/// <summary>What the report calls things: the policy's stage titles and category labels, and words for agency kinds and outcomes.</summary>
public sealed record ReportLabels(
    IReadOnlyDictionary<string, string> Stages,
    IReadOnlyDictionary<string, string> Categories,
    IReadOnlyDictionary<string, string> LevelsOfNeed)
{
    public string Stage(string key) => Stages.TryGetValue(key, out var title) ? $"Stage {key}: {title}" : $"Stage {key}";

    public string Category(string key) => Categories.GetValueOrDefault(key) ?? key;

    public string LevelOfNeed(string key) => LevelsOfNeed.GetValueOrDefault(key) ?? $"Level {key}";
}

/// <summary>The board report: this period's counts, the previous period's, and the detail behind the charts.</summary>
public sealed record BoardReport(
    PeriodCounts Current,
    PeriodCounts Previous,
    IReadOnlyList<AgencyKindPair> ByRaisingAndReceivingKind,
    IReadOnlyList<StageDeadlines> DeadlinesByStage,
    IReadOnlyList<MonthTimeliness> ByMonth,
    IReadOnlyList<TextCount> LearningThemes,
    IReadOnlyList<TextCount> GoodPractice,
    ReportLabels Labels,
    DateTimeOffset GeneratedAt);
