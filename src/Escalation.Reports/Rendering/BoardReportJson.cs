using System.Text.Json;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;

namespace Escalation.Reports.Rendering;

/// <summary>
/// The report as JSON, in the contract's shape: the contract's fields at the top level and again, for the period
/// before, under <c>previousPeriod</c>; then the detail behind the board paper's charts and lists.
/// </summary>
public static class BoardReportJson
{
    public const string MediaType = "application/json";

    public static byte[] Write(BoardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteCounts(json, report.Current);
            json.WriteStartObject("previousPeriod");
            WriteCounts(json, report.Previous);
            json.WriteEndObject();

            json.WriteStartArray("byRaisingAndReceivingAgencyKind");
            foreach (var pair in report.ByRaisingAndReceivingKind)
            {
                json.WriteStartObject();
                json.WriteString("raising", pair.RaisingKind);
                json.WriteString("receiving", pair.ReceivingKind);
                json.WriteNumber("count", pair.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("deadlinesByStage");
            foreach (var stage in report.DeadlinesByStage)
            {
                json.WriteStartObject(stage.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.WriteNumber("met", stage.Met);
                json.WriteNumber("missed", stage.Missed);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartArray("timelinessByMonth");
            foreach (var month in report.ByMonth)
            {
                json.WriteStartObject();
                json.WriteString("from", ReportPeriod.Iso(month.Month.From));
                json.WriteString("to", ReportPeriod.Iso(month.Month.To));
                json.WriteNumber("raised", month.Raised);
                json.WriteNumber("resolved", month.Resolved);
                json.WriteNumber("met", month.Met);
                json.WriteNumber("missed", month.Missed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteTexts(json, "learningThemes", report.LearningThemes);
            WriteTexts(json, "goodPractice", report.GoodPractice);
            json.WriteString("generatedAt", report.GeneratedAt);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteCounts(Utf8JsonWriter json, PeriodCounts counts)
    {
        json.WriteStartObject("period");
        json.WriteString("from", ReportPeriod.Iso(counts.Period.From));
        json.WriteString("to", ReportPeriod.Iso(counts.Period.To));
        json.WriteEndObject();
        json.WriteNumber("raised", counts.Raised);
        json.WriteNumber("resolved", counts.Resolved);
        json.WriteNumber("open", counts.Open);
        json.WriteNumber("withdrawn", counts.Withdrawn);
        WriteMap(json, "byRaisingAgencyKind", counts.ByRaisingAgencyKind);
        WriteMap(json, "byReceivingAgencyKind", counts.ByReceivingAgencyKind);
        WriteList(json, "agencyKindsWithNone", counts.AgencyKindsWithNone);
        WriteList(json, "agenciesWithNone", counts.AgenciesWithNone);
        WriteMap(json, "byStageReached", counts.ByStageReached);
        WriteMap(json, "urgentByStageReached", counts.UrgentByStageReached);
        json.WriteNumber("urgent", counts.Urgent);
        WriteMap(json, "byCategory", counts.ByCategory);
        WriteMap(json, "byLevelOfNeed", counts.ByLevelOfNeed);
        WriteMap(json, "byOutcome", counts.ByOutcome);
        json.WriteStartObject("deadlines");
        json.WriteNumber("met", counts.Deadlines.Met);
        json.WriteNumber("missed", counts.Deadlines.Missed);
        json.WriteEndObject();
        if (counts.MedianWorkingDaysToResolution is { } median)
            json.WriteNumber("medianWorkingDaysToResolution", median);
        else
            json.WriteNull("medianWorkingDaysToResolution");
        json.WriteStartObject("decisionPrompts");
        WriteMap(json, "byAgeBand", counts.DecisionPrompts.ByAgeBand);
        json.WriteNumber("referred", counts.DecisionPrompts.Referred);
        json.WriteNumber("total", counts.DecisionPrompts.Total);
        json.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyList<KeyCount> counts)
    {
        json.WriteStartObject(name);
        foreach (var count in counts)
            json.WriteNumber(count.Key, count.Count);
        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
            json.WriteStringValue(item);
        json.WriteEndArray();
    }

    private static void WriteTexts(Utf8JsonWriter json, string name, IReadOnlyList<TextCount> texts)
    {
        json.WriteStartArray(name);
        foreach (var text in texts)
        {
            json.WriteStartObject();
            json.WriteString("text", text.Text);
            json.WriteNumber("count", text.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
