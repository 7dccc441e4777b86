using System.Globalization;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data.Entities;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;

namespace Escalation.Reports.Queries;

/// <summary>
/// Counts the rows <see cref="BoardReportQuery"/> read into the report, naming every stage, category and kind the policy
/// and directory know, even at zero.
/// </summary>
internal sealed class CountsAssembler(PolicyCatalog catalog, IReadOnlyList<AgencyInfo> agencies)
{
    public static readonly IReadOnlyList<string> AgeBands = ["under-13", "13-15", "16-17"];

    private readonly Dictionary<Guid, AgencyInfo> _agencies = agencies.ToDictionary(a => a.Id);
    private readonly ReportLabels _labels = Labels(catalog);

    public BoardReport Report(
        PeriodRows current, PeriodRows previous, IEnumerable<TextCount> learning, IEnumerable<TextCount> goodPractice, DateTimeOffset now)
    {
        var pairs = current.Escalations
            .GroupBy(e => (Raising: KindOf(e.RaisingAgencyId), Receiving: KindOf(e.ReceivingAgencyId)))
            .Select(g => new AgencyKindPair(g.Key.Raising, g.Key.Receiving, g.Count()))
            .OrderBy(p => KindOrder(p.RaisingKind)).ThenBy(p => KindOrder(p.ReceivingKind)).ToList();
        var byStage = StageNumbers(current)
            .Select(s => new StageDeadlines(s, current.Met.Count(m => m.Stage == s), current.Missed.Count(m => m.Stage == s))).ToList();

        // Month by month: the months add up to the period, as every escalation counts in the month it was raised.
        var months = current.Period.MonthsWithin();
        var monthStarts = months.Select(m => LocalInstants.StartOf(m.From, catalog.Calendar.TimeZone)).ToList();
        int MonthOf(DateTimeOffset raisedAt) => monthStarts.FindLastIndex(start => start <= raisedAt);

        var raisedByMonth = current.Escalations.ToLookup(e => MonthOf(e.RaisedAt));
        var metByMonth = current.Met.ToLookup(m => MonthOf(m.RaisedAt));
        var missedByMonth = current.Missed.ToLookup(m => MonthOf(m.RaisedAt));
        var byMonth = months.Select((month, i) => new MonthTimeliness(month,
            raisedByMonth[i].Count(),
            raisedByMonth[i].Count(e => e.Status == EscalationStatus.Resolved),
            metByMonth[i].Count(),
            missedByMonth[i].Count())).ToList();

        return new BoardReport(Counts(current), Counts(previous), pairs, byStage, byMonth, Texts(learning), Texts(goodPractice), _labels, now);
    }

    private PeriodCounts Counts(PeriodRows rows)
    {
        var escalations = rows.Escalations;
        int Count(Func<EscalationRow, bool> where) => escalations.Count(where);

        var raising = KindCounts(escalations.Select(e => e.RaisingAgencyId));
        var receiving = KindCounts(escalations.Select(e => e.ReceivingAgencyId));
        var raisedBy = escalations.Select(e => e.RaisingAgencyId).ToHashSet();
        // The partnership's own agencies never raise escalations, so they are never listed as raising none.
        var partnerAgencies = agencies.Where(a => a.Kind != AgencyKind.Partnership).ToList();
        var kindsInDirectory = partnerAgencies.Select(a => a.Kind).Distinct().OrderBy(k => k).Select(k => k.ToString()).ToList();

        var stages = StageNumbers(rows);
        var outcomes = new List<KeyCount>
        {
            new("decision-changed", Count(e => e.Outcome == OutcomeKind.DecisionChanged)),
            new("decision-upheld", Count(e => e.Outcome == OutcomeKind.DecisionUpheld)),
            new("board-decision", Count(e => e.Outcome == OutcomeKind.BoardDecision)),
            new("withdrawn", Count(e => e.Status == EscalationStatus.Withdrawn)),
        };
        var bands = rows.Assessments.GroupBy(a => a.AgeBand).Select(g => (g.Key, g.Sum(a => a.Count)));
        return new PeriodCounts(
            rows.Period,
            Raised: escalations.Count,
            Resolved: Count(e => e.Status == EscalationStatus.Resolved),
            Open: Count(e => e.Status == EscalationStatus.Open),
            Withdrawn: Count(e => e.Status == EscalationStatus.Withdrawn),
            ByRaisingAgencyKind: raising,
            ByReceivingAgencyKind: receiving,
            AgencyKindsWithNone: [.. kindsInDirectory.Where(k => raising.All(r => r.Key != k || r.Count == 0))],
            AgenciesWithNone: [.. partnerAgencies.Where(a => !raisedBy.Contains(a.Id)).Select(a => a.Name).Order(StringComparer.Ordinal)],
            ByStageReached: [.. stages.Select(s => new KeyCount(Key(s), Count(e => e.HighestStage == s)))],
            UrgentByStageReached: [.. stages.Select(s => new KeyCount(Key(s), Count(e => e.Track == Track.Urgent && e.HighestStage == s)))],
            Urgent: Count(e => e.Track == Track.Urgent),
            ByCategory: Keyed(_labels.Categories.Keys, escalations.Select(e => e.Category)),
            ByLevelOfNeed: Keyed(_labels.LevelsOfNeed.Keys, escalations.Select(e => Key(e.LevelOfNeed))),
            ByOutcome: outcomes,
            Deadlines: new DeadlineCounts(rows.Met.Count, rows.Missed.Count),
            MedianWorkingDaysToResolution: Median(escalations),
            DecisionPrompts: new DecisionPromptCounts(
                Keyed(AgeBands, bands),
                rows.Assessments.Where(a => a.Referred).Sum(a => a.Count),
                rows.Assessments.Sum(a => a.Count)));
    }

    /// <summary>
    /// The working days from raising to resolution of the middle resolved escalation (the mean of the middle two), as
    /// <c>WorkingDayCalendar.WorkingDaysBetween</c>: working days after the local date raised, up to and including the local
    /// date resolved. Null when none was resolved.
    /// </summary>
    private double? Median(IEnumerable<EscalationRow> escalations)
    {
        var days = escalations
            .Where(e => e.Status == EscalationStatus.Resolved && e.ClosedAt is not null)
            .Select(e => catalog.Calendar.WorkingDaysBetween(e.RaisedAt, e.ClosedAt!.Value))
            .Order().ToList();
        if (days.Count == 0)
            return null;
        var middle = days.Count / 2;
        return days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
    }

    private List<KeyCount> KindCounts(IEnumerable<Guid> agencyIds)
    {
        var counts = agencyIds.GroupBy(KindOf).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Every kind of partner agency, with none where it has none; the partnership's own kind only if it was counted.
        var kinds = agencies.Where(a => a.Kind != AgencyKind.Partnership).Select(a => a.Kind.ToString()).Concat(counts.Keys)
            .Distinct().OrderBy(KindOrder);
        return [.. kinds.Select(k => new KeyCount(k, counts.GetValueOrDefault(k)))];
    }

    private string KindOf(Guid agencyId) => _agencies.TryGetValue(agencyId, out var agency) ? agency.Kind.ToString() : "Unknown";

    private static int KindOrder(string kind) => Enum.TryParse<AgencyKind>(kind, out var k) ? (int)k : int.MaxValue;

    /// <summary>Every stage the policies define, and any other stage an escalation or a deadline of the period reached, in order.</summary>
    private List<int> StageNumbers(PeriodRows rows) => [.. _labels.Stages.Keys.Select(s => int.Parse(s, CultureInfo.InvariantCulture))
        .Concat(rows.Escalations.Select(e => e.HighestStage))
        .Concat(rows.Met.Concat(rows.Missed).Select(m => m.Stage))
        .Distinct().Order()];

    private static string Key(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every known key in order, at zero if none, then any other key found, in order.</summary>
    private static List<KeyCount> Keyed(IEnumerable<string> known, IEnumerable<string> found) =>
        Keyed(known, found.Select(key => (key, 1)));

    /// <summary>Every known key in order, at zero if none, then any other key found, in order.</summary>
    private static List<KeyCount> Keyed(IEnumerable<string> known, IEnumerable<(string Key, int Count)> found)
    {
        var counts = found.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Count), StringComparer.Ordinal);
        var order = known.ToList();
        return [.. order.Concat(counts.Keys.Where(k => !order.Contains(k)).Order(StringComparer.Ordinal))
            .Select(k => new KeyCount(k, counts.GetValueOrDefault(k)))];
    }

    /// <summary>Texts as written (trimmed; the same text twice counts twice), most often recorded first.</summary>
    private static List<TextCount> Texts(IEnumerable<TextCount> rows) =>
        [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .GroupBy(r => r.Text.Trim(), StringComparer.Ordinal)
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

        return new ReportLabels(
            stages.ToDictionary(s => Key(s.Key), s => s.Value, StringComparer.Ordinal),
            categories,
            levels.ToDictionary(l => Key(l.Key), l => l.Value, StringComparer.Ordinal));
    }
}
