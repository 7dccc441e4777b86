using System.Globalization;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Board;

/// <summary>
/// The business unit's escalation log: every escalation, filtered and searched, newest raised first or soonest due, a
/// page at a time, and the same list as CSV (<c>?handler=csv</c> with the same query string).
/// </summary>
[Authorize(Roles = Roles.BoardBusinessUnit + "," + Roles.BoardChair)]
internal sealed class EscalationsModel(EscalationLog log, BoardOverview overview, EscalationDbContext db, PolicyCatalog catalog, DateText dates)
    : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)] public string? RaisingAgency { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReceivingAgency { get; set; }

    [BindProperty(SupportsGet = true)] public string? Category { get; set; }

    /// <summary><c>overdue</c>, <c>this-week</c> (due by the end of Sunday, not yet overdue) or empty for any.</summary>
    [BindProperty(SupportsGet = true)] public string? Deadline { get; set; }

    [BindProperty(SupportsGet = true)] public DateParts RaisedFrom { get; set; } = new();

    [BindProperty(SupportsGet = true)] public DateParts RaisedTo { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<LogRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Choice> Statuses { get; } = [new("open", "Open"), new("resolved", "Resolved"), new("withdrawn", "Withdrawn")];

    public IReadOnlyList<Choice> Deadlines =>
        [new(string.Empty, "Any"), new("overdue", "Overdue"), new("this-week", $"Due by the end of {dates.Day(overview.ThisWeek().LastDay)}")];

    public IReadOnlyList<Choice> Stages =>
        [.. Policy.Stages.Select(s => new Choice(s.Number.ToString(CultureInfo.InvariantCulture), PolicyWords.StageName(Policy, s.Number)))];

    public IReadOnlyList<Choice> Categories => [.. Policy.Categories.Select(c => new Choice(c.Key, c.Label))];

    public IReadOnlyList<Choice> Agencies { get; private set; } = [];

    public bool NewestFirst => Sort != "due";

    public string Example => dates.Today.AddDays(-30).ToString("d M yyyy", CultureInfo.InvariantCulture);

    public DateText Dates => dates;

    public TimeZoneInfo Zone => catalog.Calendar.TimeZone;

    /// <summary>Whether any filter (beyond the search) is set, or one is wrong: the filters then show open.</summary>
    public bool Filtered => !ModelState.IsValid || !string.IsNullOrEmpty(Status) || !string.IsNullOrEmpty(Stage)
        || !string.IsNullOrEmpty(RaisingAgency) || !string.IsNullOrEmpty(ReceivingAgency) || !string.IsNullOrEmpty(Category)
        || !string.IsNullOrEmpty(Deadline) || !RaisedFrom.IsEmpty || !RaisedTo.IsEmpty;

    private PolicyDefinition Policy => catalog.Current(PolicyCatalog.DefaultPolicyId)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        if (Filter() is not { } filter)
            return Page();
        var rows = await log.ReadAsync(User.PersonId(), filter, ct);
        Total = rows.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = [.. rows.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return Page();
    }

    /// <summary>The filtered list, every row of it, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        if (Filter() is not { } filter)
            return BadRequest();
        var rows = await log.ReadAsync(User.PersonId(), filter, ct);
        return File(EscalationLogCsv.Write(rows, catalog.Calendar.TimeZone), EscalationLogCsv.MediaType,
            $"escalations-{dates.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>This page's address with the current filters and the given changes (null drops a value).</summary>
    public string Link(string? handler = null, int? page = null, string? sort = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["handler"] = handler, ["q"] = Q, ["status"] = Status, ["stage"] = Stage, ["raisingAgency"] = RaisingAgency,
            ["receivingAgency"] = ReceivingAgency, ["category"] = Category, ["deadline"] = Deadline,
            ["raisedFrom.day"] = RaisedFrom.Day, ["raisedFrom.month"] = RaisedFrom.Month, ["raisedFrom.year"] = RaisedFrom.Year,
            ["raisedTo.day"] = RaisedTo.Day, ["raisedTo.month"] = RaisedTo.Month, ["raisedTo.year"] = RaisedTo.Year,
            ["sort"] = sort ?? Sort, ["pageNumber"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/board/escalations",
            query.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    /// <summary>The filter the form asks for, or null with each field at fault in the model state, in the form's order.</summary>
    private EscalationFilter? Filter()
    {
        var q = Q?.Trim();
        if (q is { Length: > EscalationFilter.QueryMax })
            ModelState.AddModelError(nameof(Q), $"The reference must be {EscalationFilter.QueryMax} characters or fewer");
        EscalationStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (EscalationFilter.TryParseStatus(Status, out var s)) status = s;
            else ModelState.AddModelError(nameof(Status), "Choose a status from the list");
        }

        int? stage = null;
        if (!string.IsNullOrEmpty(Stage))
        {
            if (Stages.Any(c => c.Value == Stage)) stage = int.Parse(Stage, CultureInfo.InvariantCulture);
            else ModelState.AddModelError(nameof(Stage), "Choose a stage from the list");
        }

        var raising = Agency(RaisingAgency, nameof(RaisingAgency));
        var receiving = Agency(ReceivingAgency, nameof(ReceivingAgency));
        if (!string.IsNullOrEmpty(Category) && Categories.All(c => c.Value != Category))
            ModelState.AddModelError(nameof(Category), "Choose a category from the list");
        if (!string.IsNullOrEmpty(Deadline) && Deadline is not ("overdue" or "this-week"))
            ModelState.AddModelError(nameof(Deadline), "Choose overdue, due this week or any");
        var from = Date(RaisedFrom, nameof(RaisedFrom), "The first day");
        var to = Date(RaisedTo, nameof(RaisedTo), "The last day");
        if (from is not null && to is not null && to < from)
            ModelState.AddModelError(nameof(RaisedTo), "The last day must be the same as or after the first day");
        if (!ModelState.IsValid)
            return null;

        return new EscalationFilter(status, stage, null, Deadline == "overdue")
        {
            DueBefore = Deadline == "this-week" ? overview.ThisWeek().After : null,
            Category = string.IsNullOrEmpty(Category) ? null : Category, RaisingAgencyId = raising, ReceivingAgencyId = receiving,
            RaisedFrom = from, RaisedTo = to, Query = string.IsNullOrEmpty(q) ? null : q,
            Sort = NewestFirst ? EscalationSort.Newest : EscalationSort.DueDate,
        };
    }

    private Guid? Agency(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (Guid.TryParse(value, out var id) && Agencies.Any(a => a.Value == value))
            return id;
        ModelState.AddModelError(field, "Choose an agency from the list");
        return null;
    }

    private DateOnly? Date(DateParts parts, string field, string name)
    {
        if (parts.IsEmpty)
            return null;
        if (parts.ToDate() is { } date)
            return date;
        ModelState.AddModelError(field, $"{name} must be a real date, like {Example}");
        return null;
    }

    // The partnership's own agencies are never party to an escalation, so they are not offered.
    private async Task LoadAgenciesAsync(CancellationToken ct) =>
        Agencies = [.. (await db.Agencies.AsNoTracking().Where(a => a.Kind != AgencyKind.Partnership).OrderBy(a => a.Name).ToListAsync(ct))
            .Select(a => new Choice(a.Id.ToString(), a.Name))];
}
