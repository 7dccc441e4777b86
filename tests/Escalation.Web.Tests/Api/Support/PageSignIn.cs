using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Escalation.Web.Tests.Api.Support;

/// <summary>Signs a seeded person in to the pages with the cookie, as a browser would, without following redirects.</summary>
internal static partial class PageSignIn
{
    public static async Task<HttpClient> AsAsync(ApiHost host, Who who)
    {
        var people = await host.PeopleAsync();
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "The sign-in page has no antiforgery field.");
        using var signIn = await browser.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = people[who].Email,
            ["Password"] = ApiHost.Password,
            ["__RequestVerificationToken"] = antiforgery.Groups[1].Value,
        }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"The UI sign-in did not succeed: {(int)signIn.StatusCode}");
        return browser;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
