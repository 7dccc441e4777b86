using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;

namespace Escalation.Reports.Rendering;

/// <summary>
/// The report as CSV: one table per section, each a title line, a header and its rows, with a blank line between
/// sections. Cells that a spreadsheet would run as a formula are escaped.
/// </summary>
public static class BoardReportCsv
{
    public const string MediaType = "text/csv";

    public static byte[] Write(BoardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape, NewLine = "\r\n" };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, config))
        {
            var (now, before) = (report.Current, report.Previous);
            var labels = report.Labels;
            Section(csv, $"Board report: {now.Period.Label} ({ReportPeriod.Iso(now.Period.From)} to {ReportPeriod.Iso(now.Period.To)}), " +
                $"compared with {ReportPeriod.Iso(before.Period.From)} to {ReportPeriod.Iso(before.Period.To)}",
                ["Measure", "This period", "Previous period"],
                [
                    ["Raised", N(now.Raised), N(before.Raised)],
                    ["Resolved", N(now.Resolved), N(before.Resolved)],
                    ["Open", N(now.Open), N(before.Open)],
                    ["Withdrawn", N(now.Withdrawn), N(before.Withdrawn)],
                    ["Urgent track", N(now.Urgent), N(before.Urgent)],
                    ["Deadlines met", N(now.Deadlines.Met), N(before.Deadlines.Met)],
                    ["Deadlines missed", N(now.Deadlines.Missed), N(before.Deadlines.Missed)],
                    ["Median working days to resolution", D(now.MedianWorkingDaysToResolution), D(before.MedianWorkingDaysToResolution)],
                    ["Decision prompts used", N(now.DecisionPrompts.Total), N(before.DecisionPrompts.Total)],
                    ["Decision prompts leading to a referral", N(now.DecisionPrompts.Referred), N(before.DecisionPrompts.Referred)],
                ]);
            Compare(csv, "By raising agency kind", "Agency kind", now.ByRaisingAgencyKind, before.ByRaisingAgencyKind, ReportWords.Kind);
            Compare(csv, "By receiving agency kind", "Agency kind", now.ByReceivingAgencyKind, before.ByReceivingAgencyKind, ReportWords.Kind);
            Section(csv, "Agency kinds that raised none", ["Agency kind", "Label"],
                now.AgencyKindsWithNone.Select(k => new[] { k, ReportWords.Kind(k) }));
            Section(csv, "Agencies that raised none", ["Agency"], now.AgenciesWithNone.Select(a => new[] { a }));
            Section(csv, "By raising and receiving agency kind", ["Raising agency kind", "Receiving agency kind", "Escalations"],
                report.ByRaisingAndReceivingKind.Select(p => new[] { p.RaisingKind, p.ReceivingKind, N(p.Count) }));
            Section(csv, "By stage reached", ["Stage", "Title", "All", "Urgent track", "Previous period"],
                now.ByStageReached.Select(s => new[]
                {
                    s.Key, labels.Stages.GetValueOrDefault(s.Key) ?? string.Empty, N(s.Count),
                    N(Count(now.UrgentByStageReached, s.Key)), N(Count(before.ByStageReached, s.Key)),
                }));
            Compare(csv, "By category", "Category", now.ByCategory, before.ByCategory, labels.Category);
            Compare(csv, "By level of need", "Level of need", now.ByLevelOfNeed, before.ByLevelOfNeed, labels.LevelOfNeed);
            Compare(csv, "By outcome", "Outcome", now.ByOutcome, before.ByOutcome, ReportWords.Outcome);
            Section(csv, "Deadlines by stage", ["Stage", "Met", "Missed"],
                report.DeadlinesByStage.Select(s => new[] { N(s.Stage), N(s.Met), N(s.Missed) }));
            Section(csv, "Timeliness by month", ["From", "To", "Raised", "Resolved", "Deadlines met", "Deadlines missed"],
                report.ByMonth.Select(m => new[]
                {
                    ReportPeriod.Iso(m.Month.From), ReportPeriod.Iso(m.Month.To), N(m.Raised), N(m.Resolved), N(m.Met), N(m.Missed),
                }));
            Compare(csv, "Decision prompts by age band", "Age band", now.DecisionPrompts.ByAgeBand, before.DecisionPrompts.ByAgeBand, b => b);
            Section(csv, "Learning themes", ["Learning", "Escalations"], report.LearningThemes.Select(t => new[] { t.Text, N(t.Count) }));
            Section(csv, "Good practice", ["Good practice", "Escalations"], report.GoodPractice.Select(t => new[] { t.Text, N(t.Count) }), last: true);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static void Compare(CsvWriter csv, string title, string keyHeader, IReadOnlyList<KeyCount> now, IReadOnlyList<KeyCount> before,
        Func<string, string> label) =>
        Section(csv, title, [keyHeader, "Label", "This period", "Previous period"],
            now.Select(c => c.Key).Concat(before.Select(c => c.Key)).Distinct()
                .Select(k => new[] { k, label(k), N(Count(now, k)), N(Count(before, k)) }));

    private static void Section(CsvWriter csv, string title, string[] header, IEnumerable<string[]> rows, bool last = false)
    {
        csv.WriteField(title);
        csv.NextRecord();
        foreach (var field in header)
            csv.WriteField(field);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row)
                csv.WriteField(field);
            csv.NextRecord();
        }

        if (!last)
            csv.NextRecord();
    }

    private static int Count(IReadOnlyList<KeyCount> counts, string key) => counts.FirstOrDefault(c => c.Key == key)?.Count ?? 0;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty;
}
