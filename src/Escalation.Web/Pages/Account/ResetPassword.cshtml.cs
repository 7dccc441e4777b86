using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Account;

internal sealed class ResetPasswordModel(PasswordResets resets) : NewPasswordModel
{

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Token) || !PasswordsAreValid())
            return Page();

        var errors = await resets.ResetAsync(Token, Password!, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        Banner = "Your new password is saved. Sign in with it.";
        return Redirect("/account/sign-in");
    }
}
