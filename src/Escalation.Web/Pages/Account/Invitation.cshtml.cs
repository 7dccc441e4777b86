using Escalation.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Account;

internal sealed class InvitationModel(Invitations invitations) : NewPasswordModel
{
    /// <summary>The link has expired, been used, or been replaced by a newer invitation.</summary>
    public bool Closed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Closed = !string.IsNullOrEmpty(Token) && !await invitations.IsOpenAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Token) || !PasswordsAreValid())
            return Page();

        var errors = await invitations.AcceptAsync(Token, Password!, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        Banner = "Your password is set. Sign in to continue.";
        return Redirect("/account/sign-in");
    }
}
