using Escalation.Core.Decisions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Decisions;

/// <summary>A young person of 18 or over: the guidance does not apply, and nothing is kept.</summary>
[Authorize(Roles = DecisionRoles.Assessors)]
internal sealed class OutOfScopeModel(DecisionGuideCatalog guides) : PageModel
{
    public DecisionGuide Guide => guides.Current(DecisionGuideCatalog.SexualActivityId)!;
}
