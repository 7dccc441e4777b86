using System.Text;
using System.Text.Encodings.Web;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Escalations;

namespace Escalation.Web.Api;

/// <summary>
/// The outcome statement of a closed escalation, for both agencies' records: who was involved, how it ended, when and
/// by whom, and what was agreed. The API's HTML and the printable page both show these same rows.
/// </summary>
internal sealed record OutcomeStatementView(string Reference, string Heading, IReadOnlyList<(string Label, string Value)> Rows,
    IReadOnlyList<string>? Actions, IReadOnlyList<(string Label, string Value)> After)
{
    /// <summary>Null while the escalation is open: there is nothing to state yet.</summary>
    public static OutcomeStatementView? For(EscalationView view, DateText dates)
    {
        var e = view.Escalation;
        var closing = e.History.LastOrDefault(h => h.Type is "resolved" or "withdrawn");
        if (e.Status == "open" || closing is null)
            return null;

        var withdrawn = e.Status == "withdrawn";
        List<(string, string)> rows =
        [
            ("Child's reference", e.Child.Reference),
            ("Raised by", e.RaisedBy.Name),
            ("Raising agency", view.Agency(e.RaisedBy.AgencyId)),
            ("Professional whose decision was challenged", e.Respondent.Name),
            ("Receiving agency", view.Agency(e.Respondent.AgencyId)),
            ("Decision challenged", e.DecisionChallenged),
            ("Date of the decision", DateText.Date(e.DecisionDate)),
            ("Raised on", dates.DateAndTime(e.RaisedAt)),
            ("Stage reached", PolicyWords.StageName(view.Policy, e.Stage.Number)),
            (withdrawn ? "Withdrawn on" : "Resolved on", dates.DateAndTime(closing.At)),
            (withdrawn ? "Withdrawn by" : "Resolved by", closing.ById is { } by ? view.Name(by) : "The service"),
        ];
        if (withdrawn)
        {
            rows.Add(("Outcome", "The practitioner who raised it withdrew the escalation"));
            rows.Add(("Reason for withdrawing", closing.Note ?? "None recorded"));
            return new OutcomeStatementView(e.Reference, $"Escalation {e.Reference} withdrawn", rows, Actions: null, After: []);
        }

        var outcome = e.Outcome!;
        rows.Add(("Outcome", PolicyWords.Outcome(outcome.Kind)));
        rows.Add(("Statement", outcome.Statement));
        return new OutcomeStatementView(e.Reference, $"Outcome of escalation {e.Reference}", rows, outcome.Actions,
            [("Learning", outcome.Learning ?? "None recorded"), ("Good practice", outcome.GoodPractice ?? "None recorded")]);
    }
}

/// <summary>The API's printable outcome statement: a whole HTML document with its own small style sheet. Every value is HTML-encoded.</summary>
internal static class OutcomeStatement
{
    /// <summary>The Content-Security-Policy the document needs: its inline style sheet and nothing else.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    public static string Html(OutcomeStatementView statement)
    {
        var h = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
            .Append(h.Encode(statement.Heading))
            .Append("</title><style>body{font-family:Arial,sans-serif;max-width:40em;margin:2em auto;color:#0b0c0c;overflow-wrap:anywhere}")
            .Append("dt{font-weight:bold;margin-top:1em}dd{margin-left:0;white-space:pre-line}")
            .Append("@page{size:A4;margin:20mm}@media print{body{margin:0;max-width:none;font-size:11pt}dt,dd{break-inside:avoid}}</style></head><body><main>")
            .Append("<h1>").Append(h.Encode(statement.Heading)).Append("</h1>")
            .Append("<p>Place a copy of this statement on the child's record in both agencies.</p><dl>");
        foreach (var (label, value) in statement.Rows)
            Item(html, label, value);
        if (statement.Actions is { } actions)
        {
            html.Append("<dt>Agreed actions</dt><dd>");
            if (actions.Count == 0)
                html.Append("None recorded");
            else
                html.Append("<ol>").AppendJoin(string.Empty, actions.Select(a => "<li>" + h.Encode(a) + "</li>")).Append("</ol>");
            html.Append("</dd>");
        }

        foreach (var (label, value) in statement.After)
            Item(html, label, value);
        return html.Append("</dl></main></body></html>").ToString();
    }

    private static void Item(StringBuilder html, string label, string value) =>
        html.Append("<dt>").Append(HtmlEncoder.Default.Encode(label)).Append("</dt><dd>").Append(HtmlEncoder.Default.Encode(value)).Append("</dd>");
}
