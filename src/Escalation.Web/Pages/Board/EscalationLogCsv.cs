using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Escalation.Web.Pages.Board;

/// <summary>
/// The escalation log as CSV: exactly the rows the filter chose, one line each, dates in the partnership's time zone as
/// YYYY-MM-DD. Cells a spreadsheet would run as a formula are escaped.
/// </summary>
internal static class EscalationLogCsv
{
    public const string MediaType = "text/csv";

    private static readonly string[] Header =
    [
        "Reference", "Child reference", "Raised", "Raising agency", "Receiving agency", "Raised by", "Respondent", "Category",
        "Track", "Status", "Stage", "Stage due", "Overdue", "Respondent warning",
    ];

    public static byte[] Write(IEnumerable<LogRow> rows, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape, NewLine = "\r\n" };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, config))
        {
            foreach (var cell in Header)
                csv.WriteField(cell);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in Cells(row, zone))
                    csv.WriteField(cell);
                csv.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string[] Cells(LogRow row, TimeZoneInfo zone) =>
    [
        row.Reference, row.ChildReference, Day(row.RaisedAt, zone), row.RaisingAgency, row.ReceivingAgency, row.RaisedBy, row.Respondent,
        row.Category, row.Track, Status(row.Status), row.Stage, row.Status == "open" ? Day(row.DueAt, zone) : string.Empty,
        row.Overdue ? "Yes" : "No", row.Warning ?? string.Empty,
    ];

    private static string Day(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(string status) => status switch
    {
        "resolved" => "Resolved",
        "withdrawn" => "Withdrawn",
        _ => "Open",
    };
}
