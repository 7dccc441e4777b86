using Escalation.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Account;

internal sealed class SignOutModel(SignInManager<Person> signIn) : PageModel
{
    [TempData]
    public string? Banner { get; set; }


    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        HttpContext.Session.Clear();
        Banner = "You have signed out.";
        return Redirect("/account/sign-in");
    }
}
