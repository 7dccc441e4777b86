using System.Net;
using System.Text.RegularExpressions;
using Escalation.Data;
using Escalation.Web.Tests.Api.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Hosting;

/// <summary>Pages answer with GOV.UK pages when something goes wrong; the API keeps its problem documents.</summary>
public sealed partial class PageErrorTests
{
    [Fact]
    public async Task SignInPage_21stPostInAMinuteFromOneAddress_GetsTheTooManyAttemptsPage_ReadingItIsNotCounted()
    {
        using var host = new ApiHost();
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        for (var i = 0; i < 30; i++)
        {
            using var read = await browser.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        string? refused = null;
        for (var i = 0; i < 21; i++)
        {
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "nobody@example.org", ["Password"] = "not the password", ["__RequestVerificationToken"] = token,
            });
            using var post = await browser.PostAsync(new Uri("/account/sign-in", UriKind.Relative), body);
            statuses.Add(post.StatusCode);
            if (post.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("text/html", post.Content.Headers.ContentType?.MediaType);
                refused = await post.Content.ReadAsStringAsync();
            }
        }

        Assert.All(statuses.Take(20), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
        Assert.Contains("Too many attempts", refused, StringComparison.Ordinal);
        Assert.Contains("govuk-template", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_UnexpectedFault_ShowsTheGovukErrorPage_NotAProblemDocument_AndTheApiStillAnswersProblemJson()
    {
        using var host = new BrokenDatabaseHost();
        var people = await host.PeopleAsync();
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        using (var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = people[Who.Teacher].Email, ["Password"] = ApiHost.Password,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
        }))
        using (var signIn = await browser.PostAsync(new Uri("/account/sign-in", UriKind.Relative), body))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var api = await host.SignInAsync(Who.Teacher);

        host.BreakEscalations();
        using var page = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var list = await api.GetAsync("/api/escalations");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sorry, there is a problem with the service", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.InternalServerError, list.Status);
        Assert.True(list.MediaType == "application/problem+json", list.Body);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A host whose escalations table can be taken away, to cause a fault no request could cause.</summary>
    private sealed class BrokenDatabaseHost : ApiHost
    {
        public void BreakEscalations()
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRaw(db.Database,
                "PRAGMA foreign_keys = OFF; ALTER TABLE escalations RENAME TO escalations_gone;");
        }
    }
}
