using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Escalation.Web.Api;

/// <summary>A printable outcome statement for both agencies' records. Every value is HTML-encoded.</summary>
internal static class OutcomeStatement
{
    // English month names; the service runs without culture data (InvariantGlobalization, Directory.Build.props).
    private static readonly DateTimeFormatInfo English = CultureInfo.InvariantCulture.DateTimeFormat;

    public static string Html(EscalationDto e)
    {
        var h = HtmlEncoder.Default;
        var outcome = e.Outcome!;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Outcome statement ")
            .Append(h.Encode(e.Reference))
            .Append("</title><style>body{font-family:Arial,sans-serif;max-width:40em;margin:2em auto;color:#0b0c0c;overflow-wrap:anywhere}")
            .Append("dt{font-weight:bold;margin-top:1em}@media print{body{margin:0}}</style></head><body>")
            .Append("<h1>Outcome of escalation ").Append(h.Encode(e.Reference)).Append("</h1>")
            .Append("<p>Place a copy of this statement on the child's record in both agencies.</p><dl>");
        Item(html, "Child reference", e.Child.Reference);
        Item(html, "Raised by", e.RaisedBy.Name);
        Item(html, "Decision challenged", e.DecisionChallenged);
        Item(html, "Date of the decision", e.DecisionDate.ToString("d MMMM yyyy", English));
        Item(html, "Raised on", e.RaisedAt.ToString("d MMMM yyyy", English));
        Item(html, "Professional whose decision was challenged", e.Respondent.Name);
        Item(html, "Stage reached", $"Stage {e.Stage.Number}: {e.Stage.Title}");
        Item(html, "Outcome", outcome.Kind.Replace('-', ' '));
        Item(html, "Statement", outcome.Statement);
        html.Append("<dt>Agreed actions</dt><dd>");
        if (outcome.Actions.Count == 0)
        {
            html.Append("None recorded");
        }
        else
        {
            html.Append("<ol>");
            foreach (var action in outcome.Actions)
            {
                html.Append("<li>").Append(h.Encode(action)).Append("</li>");
            }

            html.Append("</ol>");
        }

        html.Append("</dd>");
        Item(html, "Learning", outcome.Learning ?? "None recorded");
        Item(html, "Good practice", outcome.GoodPractice ?? "None recorded");
        return html.Append("</dl></body></html>").ToString();
    }

    private static void Item(StringBuilder html, string label, string value) =>
        html.Append("<dt>").Append(HtmlEncoder.Default.Encode(label)).Append("</dt><dd>").Append(HtmlEncoder.Default.Encode(value)).Append("</dd>");
}
