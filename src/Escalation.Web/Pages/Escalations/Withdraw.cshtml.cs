using Escalation.Core.Engine;
using Escalation.Services.Escalations;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations;

internal sealed class WithdrawModel(EscalationPages pages, EscalationService service) : EscalationActionModel(pages, service)
{
    [BindProperty]
    public string? Reason { get; set; }

    protected override PermittedMoves Move => PermittedMoves.Withdraw;


    public async Task<IActionResult> OnPostAsync() =>
        RequireText(Reason, nameof(Reason), "Say why you are withdrawing the escalation")
            ? await MoveAsync(new Withdraw(Reason!.Trim()), nameof(Reason), "The escalation has been withdrawn.")
            : Page();
}
