using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Web.Api;
using Escalation.Web.Pages.Board;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages;

/// <summary>
/// "Your escalations", in three parts: those where the viewer acts at the current stage (soonest deadline first),
/// those open but waiting for others, and those closed. The board's business unit and chair land on their overview
/// instead, and a report viewer on the board report.
/// </summary>
internal sealed class IndexModel(EscalationReader reader, EscalationDbContext db, PolicyCatalog catalog, DateText dates,
    DirectoryCache directoryCache, BoardOverview overview) : PageModel
{
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Banner { get; set; }

    public bool CanRaise => User.IsInRole(Roles.Practitioner);

    /// <summary>Whether the viewer may make a decision assessment (the roles the API allows).</summary>
    public bool CanAssess => Escalation.Core.Decisions.AssessmentAccess.AssessorRoles.Any(User.IsInRole);

    public IReadOnlyList<EscalationListItem> ActionNeeded { get; private set; } = [];

    public IReadOnlyList<EscalationListItem> Waiting { get; private set; } = [];

    public IReadOnlyList<EscalationListItem> Closed { get; private set; } = [];

    /// <summary>For the board's business unit and chair: the overview they land on, instead of their own lists.</summary>
    public OverviewCounts? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A report viewer reads reports only, so lands on the board report; the board lands on its overview.
        if (User.IsInRole(Roles.ReportViewer))
            return RedirectToPage("/Board/Index");
        if (User.IsInRole(Roles.BoardBusinessUnit) || User.IsInRole(Roles.BoardChair))
        {
            Overview = await overview.CountAsync(User.PersonId(), ct);
            return Page();
        }

        await ListAsync(ct);
        return Page();
    }

    private async Task ListAsync(CancellationToken ct)
    {
        var viewerId = User.PersonId();
        var all = await reader.ListAsync(viewerId, new EscalationFilter(null, null, null, false), ct);
        var ids = all.Select(e => e.Id).ToList();
        var policies = await db.Escalations.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.PolicyId, e.PolicyVersion }).ToDictionaryAsync(e => e.Id, ct);
        var directory = await directoryCache.ReadAsync(db, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var viewer = directory.Find(viewerId);

        var action = new List<EscalationListItem>();
        var waiting = new List<EscalationListItem>();
        var closed = new List<EscalationListItem>();
        foreach (var e in all.OrderBy(e => e.Stage.DueAt))
        {
            var policy = catalog.Find(policies[e.Id].PolicyId, policies[e.Id].PolicyVersion)!;
            var item = Item(e, policy, agencies);
            if (e.Status != "open")
                closed.Add(item);
            else if (viewer is not null && ActsNow(viewer, directory, e, policy))
                action.Add(item);
            else
                waiting.Add(item);
        }

        ActionNeeded = action;
        Waiting = waiting;
        Closed = [.. closed.OrderByDescending(i => i.Reference, StringComparer.Ordinal)];
    }

    /// <summary>Whether the viewer is one of the people who act at the escalation's current stage.</summary>
    private static bool ActsNow(DirectoryPerson viewer, DirectorySnapshot directory, EscalationSummaryDto e, PolicyDefinition policy) =>
        directory.Find(e.RaisedBy.Id) is { } raiser && directory.Find(e.Respondent.Id) is { } respondent
        && (Relations.Of(viewer, raiser, respondent) & Relations.ActorsOf(policy.Stage(e.Stage.Number).WhoActs)) != 0;

    private EscalationListItem Item(EscalationSummaryDto e, PolicyDefinition policy, Dictionary<Guid, string> agencies)
    {
        var stage = PolicyWords.StageName(policy, e.Stage.Number);
        var progress = e.Status switch
        {
            "resolved" => $"Resolved at {PolicyWords.StageNameInSentence(policy, e.Stage.Number)}",
            "withdrawn" => $"Withdrawn at {PolicyWords.StageNameInSentence(policy, e.Stage.Number)}",
            _ => $"{stage}, due {dates.DueBy(e.Stage.DueAt)}",
        };
        string Party(PartyDto p) => $"{p.Name} ({agencies.GetValueOrDefault(p.AgencyId) ?? "no agency"})";
        return new EscalationListItem(e.Id, e.Reference, e.Child.Reference, StatusTag.For(e), progress,
            $"Raised by {Party(e.RaisedBy)} about a decision by {Party(e.Respondent)}");
    }
}
