namespace Escalation.Reports.Queries;

/// <summary>What the queries return for one period, before it is turned into the report's counts.</summary>
internal sealed class RawCounts
{
    /// <summary>Rows of <see cref="RangeSql.Dimensions"/>: the packed key (see <see cref="EscalationKey"/>), the category and the count.</summary>
    public List<(long Key, string Category, int Count)> Escalations { get; } = [];

    /// <summary>By month of the period (numbered from 0): escalations raised, and those of them resolved.</summary>
    public List<(int Month, int Raised, int Resolved)> Months { get; } = [];

    public List<(Guid Raising, Guid Receiving, int Count)> AgencyPairs { get; } = [];

    /// <summary>Local-day keys of raising and resolving (see <see cref="LocalDayKeys"/>).</summary>
    public List<(long Raised, long Closed, int Count)> Resolutions { get; } = [];

    public List<(string? Learning, string? GoodPractice, int Count)> Texts { get; } = [];

    public List<(int Month, int Stage, int Count)> Met { get; } = [];

    public List<(int Month, int Stage, int Count)> Missed { get; } = [];

    public List<(string AgeBand, bool Referred, int Count)> Assessments { get; } = [];
}

/// <summary>The parts of the integer key of <see cref="RangeSql.Dimensions"/>.</summary>
internal readonly record struct EscalationKey(int Status, bool Urgent, int Outcome, int Stage, int LevelOfNeed)
{
    public const int Open = 1;
    public const int Resolved = 2;
    public const int Withdrawn = 3;

    public static EscalationKey Decode(long key) => new(
        (int)(key / 1_000_000 % 10),
        key / 100_000 % 10 == 1,
        (int)(key / 10_000 % 10),
        (int)(key / 100 % 100),
        (int)(key % 100));
}
