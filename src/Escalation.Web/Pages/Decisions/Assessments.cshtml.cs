using Escalation.Core.Decisions;
using Escalation.Core.Engine;
using Escalation.Services.Decisions;
using Escalation.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Decisions;

/// <summary>
/// The assessments a person recorded, newest first, and for a senior those waiting for their approval: the same list
/// the API gives (<see cref="AssessmentList"/>), split for the reader.
/// </summary>
[Authorize(Roles = DecisionRoles.Assessors)]
internal sealed class AssessmentsModel(AssessmentList list, DecisionGuideCatalog guides) : PageModel
{
    public IReadOnlyList<AssessmentListItem> Mine { get; private set; } = [];

    public IReadOnlyList<AssessmentListItem> Waiting { get; private set; } = [];

    public bool IsSenior => User.IsInRole(Roles.Senior);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.PersonId();
        var readable = await list.ForAsync(me, ct);
        Mine = [.. readable.Where(a => a.AssessedById == me)];
        Waiting = [.. readable.Where(a => a.Approval is { Status: ApprovalStatus.Pending } approval && approval.ApproverId == me)];
    }

    public string AgeBand(string key) =>
        guides.Current(DecisionGuideCatalog.SexualActivityId)?.AgeBands.FirstOrDefault(b => b.Key == key)?.Label ?? key;
}
