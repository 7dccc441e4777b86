using Escalation.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Escalations;

/// <summary>The printable outcome statement, the same document the API gives, for a signed-in person who may see the escalation.</summary>
internal sealed class OutcomeStatementModel(EscalationReader reader) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await reader.GetAsync(id, User.PersonId(), ct) is not { Outcome: not null } escalation)
            return NotFound();

        // The statement carries its own small style sheet inline, so that it prints the same when saved.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        return Content(OutcomeStatement.Html(escalation), "text/html; charset=utf-8");
    }
}
