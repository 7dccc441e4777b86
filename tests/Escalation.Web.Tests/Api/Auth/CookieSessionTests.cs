using System.Net;
using System.Text.RegularExpressions;
using Escalation.Web.Tests.Api.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Escalation.Web.Tests.Api.Auth;

/// <summary>
/// The web UI's sign-in cookie never opens the API: <c>/api</c> takes bearer tokens only, so a page on another site
/// cannot make a signed-in browser call it.
/// </summary>
public sealed partial class CookieSessionTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Api_WithOnlyTheUiSessionCookie_Answers401()
    {
        var people = await host.PeopleAsync();
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "The sign-in page has no antiforgery field.");
        using var signIn = await browser.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = people[Who.Teacher].Email,
            ["Password"] = ApiHost.Password,
            ["__RequestVerificationToken"] = antiforgery.Groups[1].Value,
        }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"The UI sign-in did not succeed: {(int)signIn.StatusCode}");
        using var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode); // the cookie is good for the UI

        using var api = new ApiClient(browser, token: null);
        var list = await api.GetAsync("/api/escalations");
        var raise = await api.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id));
        var directory = await api.GetAsync("/api/people");

        Assert.True(list.Status == HttpStatusCode.Unauthorized, list.Describe());
        Assert.True(raise.Status == HttpStatusCode.Unauthorized, raise.Describe());
        Assert.True(directory.Status == HttpStatusCode.Unauthorized, directory.Describe());
        Assert.Equal(0, (await host.CountsAsync()).Escalations);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
