using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Escalations.Records;

/// <summary>The outcome statement to print and place on the child's record in both agencies. Open escalations have none yet.</summary>
internal sealed class OutcomeStatementModel(EscalationPages pages, DateText dates) : PageModel
{
    public Guid Id { get; private set; }

    public OutcomeStatementView Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await pages.LoadAsync(id, User.PersonId(), ct) is not { } view || OutcomeStatementView.For(view, dates) is not { } statement)
            return NotFound();

        Id = id;
        Statement = statement;
        return Page();
    }
}
