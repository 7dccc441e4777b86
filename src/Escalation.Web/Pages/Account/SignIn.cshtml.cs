using Escalation.Data.Entities;
using Escalation.Web.Hosting;
using Escalation.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Escalation.Web.Pages.Account;

[EnableRateLimiting(Hardening.SignInPageRateLimit)]
internal sealed class SignInModel(SignInManager<Person> signIn) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Banner { get; set; }

    /// <summary>A signed-in person was sent here because their account may not open the page they asked for.</summary>
    public bool NotAllowed { get; private set; }

    /// <summary>No one holds the Admin role yet: the page says how to create the first administrator.</summary>
    public bool NoAdministrator { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            if (ReturnUrl is null)
                return Redirect("/");
            NotAllowed = true;
        }

        NoAdministrator = !await StartupAccounts.AnyAdministratorAsync(HttpContext.RequestServices);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        if (string.IsNullOrEmpty(Password))
            ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid)
            return Page();

        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Email),
                "Your account is locked for 15 minutes because the password was wrong 5 times. Try again later, or reset your password.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
