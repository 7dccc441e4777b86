using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Reports;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Escalation.Reports.Rendering;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Board;

/// <summary>
/// The board report page: choose this or last quarter, this or last financial year, or dates of one's own (or follow a
/// link with <c>from</c> and <c>to</c>), see the
/// headline numbers, and download the board paper, the CSV or the JSON. The downloads are this page's own handlers,
/// signed in with the cookie like the page; the API's endpoint takes bearer tokens only.
/// </summary>
[Authorize(Roles = BoardRoles)]
internal sealed class BoardModel(BoardReportService reports, PolicyCatalog catalog, TimeProvider clock) : PageModel
{
    public const string BoardRoles = Roles.BoardBusinessUnit + "," + Roles.BoardChair + "," + Roles.ReportViewer + "," + Roles.Admin;

    /// <summary>
    /// The picker's choice: <c>this-quarter</c> (the default), <c>last-quarter</c>, <c>this-year</c>, <c>last-year</c> or
    /// <c>custom</c> with <see cref="CustomFrom"/> and <see cref="CustomTo"/>. <c>FROM:TO</c> (ISO dates) still works.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts CustomFrom { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts CustomTo { get; set; } = new();

    /// <summary>A period given as ISO dates, as the quarterly mail links to it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public ReportPeriod? Chosen { get; private set; }

    public BoardReport? Report { get; private set; }

    public IReadOnlyList<Choice> Periods { get; private set; } = [];

    public string Example { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = catalog.Calendar.LocalDate(clock.GetUtcNow());
        Example = today.AddDays(-30).ToString("d M yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Periods = Choices(today);
        Chosen = Choose(today);
        if (Chosen is null)
            return Page();
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

    private ReportPeriod? Choose(DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To))
        {
            var period = ReportPeriod.TryParse(From, To, out var errors);
            foreach (var (field, messages) in errors)
                ModelState.AddModelError(field == "from" ? nameof(CustomFrom) : nameof(CustomTo), messages[0]);
            Period = "custom";
            (CustomFrom, CustomTo) = period is null ? (CustomFrom, CustomTo) : (DateParts.From(period.From), DateParts.From(period.To));
            return period;
        }

        Period = string.IsNullOrWhiteSpace(Period) ? "this-quarter" : Period.Trim();
        if (Period == "custom")
            return Custom();
        if (Named(Period, today) is { } named)
            return named;
        var parts = Period.Split(':');
        if (parts.Length == 2 && ReportPeriod.TryParse(parts[0], parts[1], out _) is { } legacy)
        {
            (Period, CustomFrom, CustomTo) = ("custom", DateParts.From(legacy.From), DateParts.From(legacy.To));
            return legacy;
        }

        ModelState.AddModelError(nameof(Period), "Choose a period");
        return null;
    }

    /// <summary>The custom dates, each checked in the form's order, then the range as a whole.</summary>
    private ReportPeriod? Custom()
    {
        var from = CustomFrom.ToDate();
        var to = CustomTo.ToDate();
        if (CustomFrom.IsEmpty)
            ModelState.AddModelError(nameof(CustomFrom), "Enter the first day of the period");
        else if (from is null)
            ModelState.AddModelError(nameof(CustomFrom), $"The first day must be a real date, like {Example}");
        if (CustomTo.IsEmpty)
            ModelState.AddModelError(nameof(CustomTo), "Enter the last day of the period");
        else if (to is null)
            ModelState.AddModelError(nameof(CustomTo), $"The last day must be a real date, like {Example}");
        if (from is null || to is null)
            return null;
        if (from.Value.Year < 2000 || to.Value.Year > 2200)
        {
            ModelState.AddModelError(from.Value.Year < 2000 ? nameof(CustomFrom) : nameof(CustomTo), "Choose dates between the years 2000 and 2200");
            return null;
        }

        if (to < from)
        {
            ModelState.AddModelError(nameof(CustomTo), "The last day must be the same as or after the first day");
            return null;
        }

        if (to >= from.Value.AddYears(ReportPeriod.MaxYears))
        {
            ModelState.AddModelError(nameof(CustomTo), $"A report covers at most {ReportPeriod.MaxYears} years: choose a last day before {DateText.Date(from.Value.AddYears(ReportPeriod.MaxYears))}");
            return null;
        }

        return new ReportPeriod(from.Value, to.Value);
    }

    private static ReportPeriod? Named(string choice, DateOnly today)
    {
        var quarter = ReportPeriod.QuarterContaining(today);
        var year = ReportPeriod.FinancialYearContaining(today);
        return choice switch
        {
            "this-quarter" => quarter with { To = today },
            "last-quarter" => ReportPeriod.QuarterContaining(quarter.From.AddDays(-1)),
            "this-year" => year with { To = today },
            "last-year" => ReportPeriod.FinancialYear(year.From.Year - 1),
            _ => null,
        };
    }

    /// <summary>The picker's choices, each named with the dates it covers today.</summary>
    private static List<Choice> Choices(DateOnly today)
    {
        string Dates(string key)
        {
            var p = Named(key, today)!;
            return $"{ReportPeriod.Words(p.From)} to {ReportPeriod.Words(p.To)}";
        }

        return
        [
            new("this-quarter", "This quarter so far", Dates("this-quarter")),
            new("last-quarter", "Last quarter", Dates("last-quarter")),
            new("this-year", "This financial year so far", Dates("this-year")),
            new("last-year", "Last financial year", Dates("last-year")),
            new("custom", "Choose the dates"),
        ];
    }
}
