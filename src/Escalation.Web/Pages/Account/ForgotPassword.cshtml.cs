using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Account;

internal sealed class ForgotPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }


    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || !MailAddress.TryCreate(email, out _))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the right format, like name@example.org");
            return Page();
        }

        // The same answer whether or not the address has an account, so the page cannot be used to find out who does.
        await resets.RequestAsync(email, ct);
        Sent = true;
        return Page();
    }
}
