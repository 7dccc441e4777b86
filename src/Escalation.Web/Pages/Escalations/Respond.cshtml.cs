using Escalation.Core.Engine;
using Escalation.Services.Escalations;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations;

internal sealed class RespondModel(EscalationPages pages, EscalationService service) : EscalationActionModel(pages, service)
{
    [BindProperty]
    public string? Note { get; set; }

    protected override PermittedMoves Move => PermittedMoves.Respond;


    public async Task<IActionResult> OnPostAsync() =>
        RequireText(Note, nameof(Note), "Enter your response")
            ? await MoveAsync(new Respond(Note!.Trim()), nameof(Note), "Your response has been added to the escalation.")
            : Page();
}
