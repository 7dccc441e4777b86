using Escalation.Core.Decisions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Decisions;

/// <summary>The start page: what the journey is for, the immediate-risk warning, and a fresh start.</summary>
[Authorize(Roles = DecisionRoles.Assessors)]
internal sealed class StartModel(DecisionGuideCatalog guides) : PageModel
{
    public DecisionGuide Guide => guides.Current(DecisionGuideCatalog.SexualActivityId)!;

    public IActionResult OnPost()
    {
        DecisionDraftStore.Clear(HttpContext);
        return Redirect(DecisionSteps.Child);
    }
}
