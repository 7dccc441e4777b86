using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages;

/// <summary>The page shown for an error status with no page of its own: 404, a form that has expired, and so on.</summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";

    public IReadOnlyList<string> Lines { get; private set; } = ["Try again later."];

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Lines) = code switch
        {
            404 => ("Page not found", (IReadOnlyList<string>)[
                "If you typed the web address, check it is correct.",
                "If you followed a link to an escalation, you may not be one of the people who can see it. Ask the person who sent it to you."]),
            400 => ("Sorry, that did not work", [
                "The form may have been open for too long, or opened in another tab. Go back, reload the page and try again."]),
            403 => ("You cannot do that", ["Your account does not allow this. Ask your administrator if you think it should."]),
            429 => ("Too many attempts", ["Wait a minute, then try again."]),
            _ => (Heading, Lines),
        };
    }
}
