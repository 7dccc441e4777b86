using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Reports;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Escalation.Reports.Rendering;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Board;

/// <summary>
/// The board report page: choose a quarter or a financial year (or follow a link with <c>from</c> and <c>to</c>), see the
/// headline numbers, and download the board paper, the CSV or the JSON. The downloads are this page's own handlers,
/// signed in with the cookie like the page; the API's endpoint takes bearer tokens only.
/// </summary>
[Authorize(Roles = BoardRoles)]
internal sealed class BoardModel(BoardReportService reports, PolicyCatalog catalog, TimeProvider clock) : PageModel
{
    public const string BoardRoles = Roles.BoardBusinessUnit + "," + Roles.BoardChair + "," + Roles.ReportViewer + "," + Roles.Admin;

    /// <summary>The chosen period as <c>FROM:TO</c>, from the picker.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public ReportPeriod? Chosen { get; private set; }

    public BoardReport? Report { get; private set; }

    public IReadOnlyList<Choice> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = catalog.Calendar.LocalDate(clock.GetUtcNow());
        Periods = Choices(today);
        Chosen = Choose(today);
        if (Chosen is null)
            return Page();
        Period = Value(Chosen);
        Report = await reports.BuildAsync(Chosen, ct);
        return Page();
    }

    /// <summary>A download: <c>?handler=download&amp;format=html|csv|json&amp;from=...&amp;to=...</c>.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken ct)
    {
        var period = ReportPeriod.TryParse(From, To, out _);
        if (period is null || ReportFormats.Parse(format) is not { } chosen)
            return NotFound();
        var rendered = await reports.RenderAsync(period, chosen, ct);
        if (rendered.ContentSecurityPolicy is { } policy)
            Response.Headers.ContentSecurityPolicy = policy;
        // The board paper opens in the browser, ready to print; the data files download.
        return chosen == ReportFormat.Html
            ? File(rendered.Content, rendered.MediaType)
            : File(rendered.Content, rendered.MediaType, rendered.FileName);
    }

    public string DownloadLink(string format) =>
        $"/board?handler=download&format={format}&from={ReportPeriod.Iso(Chosen!.From)}&to={ReportPeriod.Iso(Chosen.To)}";

    public static string Value(ReportPeriod period) => $"{ReportPeriod.Iso(period.From)}:{ReportPeriod.Iso(period.To)}";

    private ReportPeriod? Choose(DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To))
        {
            var period = ReportPeriod.TryParse(From, To, out var errors);
            foreach (var (field, messages) in errors)
                ModelState.AddModelError(field, messages[0]);
            return period;
        }

        if (!string.IsNullOrWhiteSpace(Period))
        {
            var parts = Period.Split(':');
            var period = parts.Length == 2 ? ReportPeriod.TryParse(parts[0], parts[1], out _) : null;
            if (period is null)
                ModelState.AddModelError(nameof(Period), "Choose a period from the list");
            return period;
        }

        // By default the last quarter that has ended.
        return ReportPeriod.QuarterContaining(ReportPeriod.QuarterContaining(today).From.AddDays(-1));
    }

    /// <summary>The quarter so far, the last eight quarters, then this financial year so far and the last three.</summary>
    private static List<Choice> Choices(DateOnly today)
    {
        var choices = new List<Choice>();
        var quarter = ReportPeriod.QuarterContaining(today);
        choices.Add(new Choice(Value(quarter with { To = today }), $"{quarter.Label} (so far)"));
        for (var i = 0; i < 8; i++)
        {
            quarter = ReportPeriod.QuarterContaining(quarter.From.AddDays(-1));
            choices.Add(new Choice(Value(quarter), quarter.Label));
        }

        var year = ReportPeriod.FinancialYearContaining(today);
        choices.Add(new Choice(Value(year with { To = today }), $"{year.Label} (so far)"));
        for (var i = 0; i < 3; i++)
        {
            year = ReportPeriod.FinancialYear(year.From.Year - 1);
            choices.Add(new Choice(Value(year), year.Label));
        }

        return choices;
    }
}
