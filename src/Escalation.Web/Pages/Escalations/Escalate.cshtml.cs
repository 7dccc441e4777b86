using Escalation.Core.Engine;
using Escalation.Services.Escalations;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations;

internal sealed class EscalateModel(EscalationPages pages, EscalationService service) : EscalationActionModel(pages, service)
{
    [BindProperty]
    public string? Reason { get; set; }

    protected override PermittedMoves Move => PermittedMoves.Escalate;


    public async Task<IActionResult> OnPostAsync() =>
        RequireText(Reason, nameof(Reason), "Say why you are escalating")
            ? await MoveAsync(new Escalate(Reason!.Trim()), nameof(Reason), $"The escalation has moved to stage {View.NextStage?.Number}.")
            : Page();
}
