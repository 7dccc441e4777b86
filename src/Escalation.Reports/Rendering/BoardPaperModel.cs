using System.Globalization;
using System.Net;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Scriban.Runtime;

namespace Escalation.Reports.Rendering;

/// <summary>
/// The values the board paper's template sees. Every string is HTML-encoded here, before rendering, so the template
/// cannot forget to escape a learning theme or an agency's name; numbers stay numbers, so the template can draw its
/// charts from them. Each chart's largest value is given too (at least 1), for scaling.
/// </summary>
internal static class BoardPaperModel
{
    public static ScriptObject Build(BoardReport report, DateOnly generatedOn)
    {
        var (now, before) = (report.Current, report.Previous);
        var labels = report.Labels;
        var kinds = report.ByRaisingAndReceivingKind.SelectMany(p => new[] { p.RaisingKind, p.ReceivingKind })
            .Concat(now.ByRaisingAgencyKind.Select(k => k.Key)).Distinct().ToList();
        var receivingKinds = kinds.Where(k => report.ByRaisingAndReceivingKind.Any(p => p.ReceivingKind == k)).ToList();
        var stages = now.ByStageReached.Select(s =>
        {
            var urgent = Count(now.UrgentByStageReached, s.Key);
            return Obj(("key", E(s.Key)), ("label", E(labels.Stage(s.Key))), ("all", s.Count), ("urgent", urgent), ("standard", s.Count - urgent));
        }).ToList();

        return new ScriptObject
        {
            ["title"] = E("Resolving professional differences: report to the board"),
            ["period_label"] = E(now.Period.Label),
            ["from"] = E(ReportPeriod.Words(now.Period.From)),
            ["to"] = E(ReportPeriod.Words(now.Period.To)),
            ["previous_label"] = E($"{ReportPeriod.Words(before.Period.From)} to {ReportPeriod.Words(before.Period.To)}"),
            ["generated"] = E(ReportPeriod.Words(generatedOn)),
            ["headlines"] = new ScriptArray
            {
                Headline("Raised", now.Raised, before.Raised),
                Headline("Resolved", now.Resolved, before.Resolved),
                Headline("Still open", now.Open, before.Open),
                Headline("Withdrawn", now.Withdrawn, before.Withdrawn),
                Headline("On the urgent track", now.Urgent, before.Urgent),
                Headline("Deadlines met", now.Deadlines.Met, before.Deadlines.Met),
                Headline("Deadlines missed", now.Deadlines.Missed, before.Deadlines.Missed),
            },
            ["median"] = E(Days(now.MedianWorkingDaysToResolution)),
            ["previous_median"] = E(Days(before.MedianWorkingDaysToResolution)),
            ["stages"] = Array(stages),
            ["stage_max"] = Max(now.ByStageReached.Select(s => s.Count)),
            ["receiving_kinds"] = Array(receivingKinds.Select(k => Obj(("label", E(ReportWords.Kind(k)))))),
            ["matrix"] = Array(kinds.Where(k => report.ByRaisingAndReceivingKind.Any(p => p.RaisingKind == k)).Select(raising => Obj(
                ("label", E(ReportWords.Kind(raising))),
                ("cells", Array(receivingKinds.Select(receiving => Obj(("count",
                    report.ByRaisingAndReceivingKind.FirstOrDefault(p => p.RaisingKind == raising && p.ReceivingKind == receiving)?.Count ?? 0))))),
                ("total", report.ByRaisingAndReceivingKind.Where(p => p.RaisingKind == raising).Sum(p => p.Count))))),
            ["matrix_max"] = Max(report.ByRaisingAndReceivingKind.Select(p => p.Count)),
            ["outcomes"] = Array(now.ByOutcome.Select(o => Obj(("label", E(ReportWords.Outcome(o.Key))), ("count", o.Count),
                ("previous", Count(before.ByOutcome, o.Key))))),
            ["outcome_max"] = Max(now.ByOutcome.Select(o => o.Count)),
            ["months"] = Array(report.ByMonth.Select(m => Obj(("label", E(m.Month.MonthLabel)), ("raised", m.Raised), ("resolved", m.Resolved),
                ("met", m.Met), ("missed", m.Missed)))),
            ["month_max"] = Max(report.ByMonth.SelectMany(m => new[] { m.Met, m.Missed })),
            ["kinds"] = Array(now.ByRaisingAgencyKind.Concat(now.ByReceivingAgencyKind).Concat(before.ByRaisingAgencyKind)
                .Concat(before.ByReceivingAgencyKind).Select(k => k.Key).Distinct().Select(k => Obj(("label", E(ReportWords.Kind(k))),
                    ("raised", Count(now.ByRaisingAgencyKind, k)), ("raised_previous", Count(before.ByRaisingAgencyKind, k)),
                    ("received", Count(now.ByReceivingAgencyKind, k)), ("received_previous", Count(before.ByReceivingAgencyKind, k))))),
            ["kinds_with_none"] = Array(now.AgencyKindsWithNone.Select(k => (object)E(ReportWords.Kind(k)))),
            ["agencies_with_none"] = Array(now.AgenciesWithNone.Select(a => (object)E(a))),
            ["categories"] = Compare(now.ByCategory, before.ByCategory, labels.Category),
            ["levels"] = Compare(now.ByLevelOfNeed, before.ByLevelOfNeed, labels.LevelOfNeed),
            ["deadlines_by_stage"] = Array(report.DeadlinesByStage.Select(s => Obj(
                ("label", E(labels.Stage(s.Stage.ToString(CultureInfo.InvariantCulture)))), ("met", s.Met), ("missed", s.Missed)))),
            ["prompt_bands"] = Compare(now.DecisionPrompts.ByAgeBand, before.DecisionPrompts.ByAgeBand, b => b),
            ["prompts"] = Obj(("total", now.DecisionPrompts.Total), ("referred", now.DecisionPrompts.Referred),
                ("previous_total", before.DecisionPrompts.Total), ("previous_referred", before.DecisionPrompts.Referred)),
            ["learning"] = Array(report.LearningThemes.Select(t => Obj(("text", E(t.Text)), ("count", t.Count)))),
            ["good_practice"] = Array(report.GoodPractice.Select(t => Obj(("text", E(t.Text)), ("count", t.Count)))),
        };
    }

    private static ScriptObject Headline(string label, int value, int previous)
    {
        var change = value - previous;
        var words = change switch
        {
            > 0 => $"up {change.ToString(CultureInfo.InvariantCulture)} from {previous.ToString(CultureInfo.InvariantCulture)}",
            < 0 => $"down {(-change).ToString(CultureInfo.InvariantCulture)} from {previous.ToString(CultureInfo.InvariantCulture)}",
            _ => $"no change from {previous.ToString(CultureInfo.InvariantCulture)}",
        };
        return Obj(("label", E(label)), ("value", value), ("previous", previous), ("change", E(words)),
            ("arrow", change > 0 ? "&#9650;" : change < 0 ? "&#9660;" : "&#9644;"));
    }

    private static ScriptArray Compare(IReadOnlyList<KeyCount> now, IReadOnlyList<KeyCount> before, Func<string, string> label) =>
        Array(now.Select(c => c.Key).Concat(before.Select(c => c.Key)).Distinct()
            .Select(k => Obj(("label", E(label(k))), ("count", Count(now, k)), ("previous", Count(before, k)))));

    private static int Count(IReadOnlyList<KeyCount> counts, string key) => counts.FirstOrDefault(c => c.Key == key)?.Count ?? 0;

    private static int Max(IEnumerable<int> values) => Math.Max(1, values.DefaultIfEmpty(0).Max());

    private static string Days(double? median) => median is { } days
        ? days.ToString("0.#", CultureInfo.InvariantCulture) + (days == 1 ? " working day" : " working days")
        : "none resolved";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static ScriptObject Obj(params (string Name, object? Value)[] members)
    {
        var obj = new ScriptObject();
        foreach (var (name, value) in members)
            obj[name] = value;
        return obj;
    }

    private static ScriptArray Array(IEnumerable<object> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
            array.Add(item);
        return array;
    }
}
