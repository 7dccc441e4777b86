using System.Globalization;
using Escalation.Core.Policies;
using Escalation.Data.Entities;
using Escalation.Reports.Model;

namespace Escalation.Reports.Queries;

/// <summary>Turns the raw query results into the report's counts, naming every stage, category and kind the policy and directory know, even at zero.</summary>
internal sealed class CountsAssembler(PolicyCatalog catalog, IReadOnlyList<AgencyInfo> agencies, LocalDayKeys days)
{
    public static readonly IReadOnlyList<string> AgeBands = ["under-13", "13-15", "16-17"];

    private readonly Dictionary<Guid, AgencyInfo> _agencies = agencies.ToDictionary(a => a.Id);
    private readonly ReportLabels _labels = Labels(catalog);

    public BoardReport Report(RangePlan current, RangePlan previous, DateTimeOffset now)
    {
        var raw = current.Raw;
        var pairs = raw.AgencyPairs
            .GroupBy(p => (Raising: KindOf(p.Raising), Receiving: KindOf(p.Receiving)))
            .Select(g => new AgencyKindPair(g.Key.Raising, g.Key.Receiving, g.Sum(p => p.Count)))
            .OrderBy(p => KindOrder(p.RaisingKind)).ThenBy(p => KindOrder(p.ReceivingKind)).ToList();
        var stages = StageKeys(raw).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var byStage = stages.Select(s => new StageDeadlines(s,
            raw.Met.Where(m => m.Stage == s).Sum(m => m.Count), raw.Missed.Where(m => m.Stage == s).Sum(m => m.Count))).ToList();
        var months = current.Months.Select(month => new MonthTimeliness(month.Period,
            raw.Months.Where(m => m.Month == month.Index).Sum(m => m.Raised),
            raw.Months.Where(m => m.Month == month.Index).Sum(m => m.Resolved),
            raw.Met.Where(m => m.Month == month.Index).Sum(m => m.Count),
            raw.Missed.Where(m => m.Month == month.Index).Sum(m => m.Count))).ToList();
        return new BoardReport(Counts(current), Counts(previous), pairs, byStage, months,
            Texts(raw.Texts.Select(t => (t.Learning, t.Count))), Texts(raw.Texts.Select(t => (t.GoodPractice, t.Count))), _labels, now);
    }

    private PeriodCounts Counts(RangePlan plan)
    {
        var raw = plan.Raw;
        var rows = raw.Escalations.Select(e => (Key: EscalationKey.Decode(e.Key), e.Category, e.Count)).ToList();
        int Sum(Func<EscalationKey, bool> where) => rows.Where(r => where(r.Key)).Sum(r => r.Count);

        var raising = KindCounts(raw.AgencyPairs.Select(p => (p.Raising, p.Count)));
        var receiving = KindCounts(raw.AgencyPairs.Select(p => (p.Receiving, p.Count)));
        var raisedBy = raw.AgencyPairs.GroupBy(p => p.Raising).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        // The partnership's own agencies never raise escalations, so they are never listed as raising none.
        var partnerAgencies = agencies.Where(a => a.Kind != Data.Entities.AgencyKind.Partnership).ToList();
        var kindsInDirectory = partnerAgencies.Select(a => a.Kind).Distinct().OrderBy(k => k).Select(k => k.ToString()).ToList();

        var stageKeys = StageKeys(raw);
        var outcomes = new List<KeyCount>
        {
            new("decision-changed", Sum(k => k.Outcome == 1)),
            new("decision-upheld", Sum(k => k.Outcome == 2)),
            new("board-decision", Sum(k => k.Outcome == 3)),
            new("withdrawn", Sum(k => k.Status == EscalationKey.Withdrawn)),
        };
        var bands = raw.Assessments.GroupBy(a => a.AgeBand).ToDictionary(g => g.Key, g => g.Sum(a => a.Count), StringComparer.Ordinal);
        return new PeriodCounts(
            plan.Period,
            Raised: rows.Sum(r => r.Count),
            Resolved: Sum(k => k.Status == EscalationKey.Resolved),
            Open: Sum(k => k.Status == EscalationKey.Open),
            Withdrawn: Sum(k => k.Status == EscalationKey.Withdrawn),
            ByRaisingAgencyKind: raising,
            ByReceivingAgencyKind: receiving,
            AgencyKindsWithNone: [.. kindsInDirectory.Where(k => raising.All(r => r.Key != k || r.Count == 0))],
            AgenciesWithNone: [.. partnerAgencies.Where(a => !raisedBy.ContainsKey(a.Id)).Select(a => a.Name).Order(StringComparer.Ordinal)],
            ByStageReached: [.. stageKeys.Select(s => new KeyCount(s, Sum(k => k.Stage.ToString(CultureInfo.InvariantCulture) == s)))],
            UrgentByStageReached: [.. stageKeys.Select(s => new KeyCount(s, Sum(k => k.Urgent && k.Stage.ToString(CultureInfo.InvariantCulture) == s)))],
            Urgent: Sum(k => k.Urgent),
            ByCategory: Keyed(_labels.Categories.Keys, rows.GroupBy(r => r.Category).Select(g => (g.Key, g.Sum(r => r.Count)))),
            ByLevelOfNeed: Keyed(_labels.LevelsOfNeed.Keys,
                rows.GroupBy(r => r.Key.LevelOfNeed).Select(g => (g.Key.ToString(CultureInfo.InvariantCulture), g.Sum(r => r.Count)))),
            ByOutcome: outcomes,
            Deadlines: new DeadlineCounts(raw.Met.Sum(m => m.Count), raw.Missed.Sum(m => m.Count)),
            MedianWorkingDaysToResolution: Median(raw.Resolutions),
            DecisionPrompts: new DecisionPromptCounts(
                Keyed(AgeBands, bands.Select(b => (b.Key, b.Value))),
                raw.Assessments.Where(a => a.Referred).Sum(a => a.Count),
                raw.Assessments.Sum(a => a.Count)));
    }

    /// <summary>The working days from raising to resolution, on the calendar, of the middle escalation (the mean of the middle two).</summary>
    private double? Median(List<(long Raised, long Closed, int Count)> resolutions)
    {
        var durations = resolutions
            .Select(r => (Days: WorkingDays(days.Decode(r.Raised), days.Decode(r.Closed)), r.Count))
            .GroupBy(d => d.Days).Select(g => (Days: g.Key, Count: g.Sum(d => d.Count))).OrderBy(d => d.Days).ToList();
        var total = durations.Sum(d => (long)d.Count);
        if (total == 0)
            return null;
        double? At(long index)
        {
            long seen = 0;
            foreach (var (d, count) in durations)
            {
                seen += count;
                if (index < seen)
                    return d;
            }

            return null;
        }

        return total % 2 == 1 ? At(total / 2) : (At((total / 2) - 1)!.Value + At(total / 2)!.Value) / 2;
    }

    /// <summary>As <c>WorkingDayCalendar.WorkingDaysBetween</c>: working days after the day raised, up to and including the day resolved.</summary>
    private int WorkingDays(DateOnly raised, DateOnly resolved)
    {
        var count = 0;
        for (var day = raised.AddDays(1); day <= resolved; day = day.AddDays(1))
        {
            if (catalog.Calendar.IsWorkingDay(day))
                count++;
        }

        return count;
    }

    private List<KeyCount> KindCounts(IEnumerable<(Guid Agency, int Count)> rows)
    {
        var counts = rows.GroupBy(r => KindOf(r.Agency)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
        // Every kind of partner agency, with none where it has none; the partnership's own kind only if it was counted.
        var kinds = agencies.Where(a => a.Kind != AgencyKind.Partnership).Select(a => a.Kind.ToString()).Concat(counts.Keys)
            .Distinct().OrderBy(KindOrder);
        return [.. kinds.Select(k => new KeyCount(k, counts.GetValueOrDefault(k)))];
    }

    private string KindOf(Guid agencyId) => _agencies.TryGetValue(agencyId, out var agency) ? agency.Kind.ToString() : "Unknown";

    private static int KindOrder(string kind) => Enum.TryParse<AgencyKind>(kind, out var k) ? (int)k : int.MaxValue;

    private IEnumerable<string> StageKeys(RawCounts raw) => _labels.Stages.Keys
        .Concat(raw.Escalations.Select(e => EscalationKey.Decode(e.Key).Stage.ToString(CultureInfo.InvariantCulture)))
        .Concat(raw.Met.Concat(raw.Missed).Select(m => m.Stage.ToString(CultureInfo.InvariantCulture)))
        .Distinct().OrderBy(s => int.Parse(s, CultureInfo.InvariantCulture));

    /// <summary>Every known key in order, at zero if none, then any other key found, in order.</summary>
    private static List<KeyCount> Keyed(IEnumerable<string> known, IEnumerable<(string Key, int Count)> found)
    {
        var counts = found.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Count), StringComparer.Ordinal);
        var order = known.ToList();
        return [.. order.Concat(counts.Keys.Where(k => !order.Contains(k)).Order(StringComparer.Ordinal))
            .Select(k => new KeyCount(k, counts.GetValueOrDefault(k)))];
    }

    /// <summary>Texts as written (trimmed; the same text twice counts twice), most often recorded first.</summary>
    private static List<TextCount> Texts(IEnumerable<(string? Text, int Count)> rows) =>
        [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .GroupBy(r => r.Text!.Trim(), StringComparer.Ordinal)
            .Select(g => new TextCount(g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Text, StringComparer.Ordinal)];

    private static ReportLabels Labels(PolicyCatalog catalog)
    {
        var policies = catalog.Policies.OrderByDescending(p => p.Id == PolicyCatalog.DefaultPolicyId).ThenByDescending(p => p.Version).ToList();
        var stages = new SortedDictionary<int, string>();
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        var levels = new SortedDictionary<int, string>();
        foreach (var policy in policies)
        {
            foreach (var stage in policy.Stages)
                stages.TryAdd(stage.Number, stage.Title);
            foreach (var category in policy.Categories)
                categories.TryAdd(category.Key, category.Label);
            foreach (var level in policy.LevelsOfNeed)
                levels.TryAdd(level.Level, level.Label);
        }

        static string Key(int n) => n.ToString(CultureInfo.InvariantCulture);
        return new ReportLabels(
            stages.ToDictionary(s => Key(s.Key), s => s.Value, StringComparer.Ordinal),
            categories,
            levels.ToDictionary(l => Key(l.Key), l => l.Value, StringComparer.Ordinal));
    }
}
