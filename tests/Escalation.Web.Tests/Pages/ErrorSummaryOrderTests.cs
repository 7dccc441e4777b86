using System.Net;
using System.Text.RegularExpressions;
using Escalation.Web.Tests.Api.Support;
using Escalation.Web.Tests.TestSupport;

namespace Escalation.Web.Tests.Pages;

/// <summary>The error summary lists a page's errors in the order its fields stand, each linking to its field.</summary>
public sealed partial class ErrorSummaryOrderTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task AddPerson_NothingFilledIn_ErrorsListedInTheOrderOfTheFields()
    {
        using var browser = await host.SignInPagesAsync(Who.Admin);
        var form = await browser.GetStringAsync(new Uri("/admin/people/add", UriKind.Relative));

        using var posted = await browser.PostAsync(new Uri("/admin/people/add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery.Token(form),
        }));
        var page = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var links = SummaryLink().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Name", "Email", "AgencyId", "SelectedRoles"], links);
    }

    [GeneratedRegex("<li><a href=\"#([^\"]+)\">")]
    private static partial Regex SummaryLink();
}
