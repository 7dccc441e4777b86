using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Account;

/// <summary>A page where a person chooses a password: from an invitation, or to replace a forgotten one.</summary>
internal abstract class NewPasswordModel : PageModel
{
    public const int MinimumLength = 12;

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [TempData]
    public string? Banner { get; set; }

    /// <summary>Checks the two boxes; the account's own rules are checked when the password is set.</summary>
    protected bool PasswordsAreValid()
    {
        if (string.IsNullOrEmpty(Password))
            ModelState.AddModelError(nameof(Password), "Enter a password");
        else if (Password.Length < MinimumLength)
            ModelState.AddModelError(nameof(Password), $"Your password must be {MinimumLength} characters or more");
        if (!string.IsNullOrEmpty(Password) && Password != ConfirmPassword)
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        return ModelState.IsValid;
    }

    /// <summary>Shows errors from setting the password: a bad link on the page, anything else on the password box.</summary>
    protected void AddErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "token" ? string.Empty : nameof(Password), string.Join(" ", messages));
        }
    }
}
