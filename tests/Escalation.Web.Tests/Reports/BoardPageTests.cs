using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Reports;

/// <summary>The board page at <c>/board</c>: signed in with the cookie, for the same roles as the API, with its own downloads.</summary>
public sealed class BoardPageTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Board_ReportViewer_SeesThePickerHeadlinesAndDownloads()
    {
        using var browser = await host.SignInPagesAsync(Who.ReportViewer);

        var page = await browser.GetStringAsync(new Uri("/board", UriKind.Relative));

        Assert.Contains("<h1 class=\"govuk-heading-l\">Board report</h1>", page, StringComparison.Ordinal);
        // Default: this quarter so far, to 18 December 2026.
        Assert.Contains("Escalations raised from 1 October 2026 to 18 December 2026", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"Period\"[^>]*value=\"this-quarter\"[^>]*checked", page);
        Assert.Contains("1 April 2026 to 18 December 2026", page, StringComparison.Ordinal); // this financial year so far
        Assert.Contains("1 April 2025 to 31 March 2026", page, StringComparison.Ordinal); // the last financial year
        Assert.Contains("id=\"headlines\"", page, StringComparison.Ordinal);
        Assert.Contains("/board?handler=download&amp;format=csv&amp;from=2026-10-01&amp;to=2026-12-18", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("last-quarter", "July to September 2026</h2>")]
    [InlineData("last-year", "Financial year 2025 to 2026</h2>")]
    [InlineData("custom&CustomFrom.Day=1&CustomFrom.Month=Nov&CustomFrom.Year=2026&CustomTo.Day=30&CustomTo.Month=11&CustomTo.Year=2026",
        "Escalations raised from 1 November 2026 to 30 November 2026")]
    public async Task Board_PeriodPicked_ShowsThatPeriod(string period, string shown)
    {
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);

        var page = await browser.GetStringAsync(new Uri("/board?Period=" + period, UriKind.Relative));

        Assert.Contains(shown, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_CustomPeriodNotValid_ErrorsInFieldOrderAndNoReport()
    {
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);

        using var response = await browser.GetAsync(new Uri(
            "/board?Period=custom&CustomFrom.Day=31&CustomFrom.Month=2&CustomFrom.Year=2026&CustomTo.Day=&CustomTo.Month=&CustomTo.Year=", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = page.IndexOf("href=\"#CustomFrom\"", StringComparison.Ordinal);
        var second = page.IndexOf("href=\"#CustomTo\"", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "The error summary names the first day, then the last day: " + page[page.IndexOf("govuk-error-summary__list", StringComparison.Ordinal)..][..600]);
        Assert.Contains("The first day must be a real date", page, StringComparison.Ordinal);
        Assert.Contains("Enter the last day of the period", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"headlines\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_LinkFromTheQuarterlyMail_ShowsThatPeriod()
    {
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);

        var page = await browser.GetStringAsync(new Uri("/board?from=2026-10-01&to=2026-12-31", UriKind.Relative));

        Assert.Contains("October to December 2026</h2>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv", "text/csv", "attachment")]
    [InlineData("json", "application/json", "attachment")]
    [InlineData("html", "text/html", null)]
    public async Task Board_Download_GivesTheFormat(string format, string mediaType, string? disposition)
    {
        using var browser = await host.SignInPagesAsync(Who.Chair);

        using var response = await browser.GetAsync(new Uri($"/board?handler=download&format={format}&from=2026-10-01&to=2026-12-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(disposition, response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Board_PaperDownload_ServedWithAPolicyAllowingOnlyItsOwnStyleByHash()
    {
        using var browser = await host.SignInPagesAsync(Who.Chair);

        using var response = await browser.GetAsync(new Uri("/board?handler=download&format=html&from=2026-10-01&to=2026-12-31", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var style = html[(html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length)..html.IndexOf("</style>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"style-src 'sha256-{hash}'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_Practitioner_IsRefused()
    {
        using var browser = await host.SignInPagesAsync(Who.Teacher);

        using var response = await browser.GetAsync(new Uri("/board", UriKind.Relative));
        using var download = await browser.GetAsync(new Uri("/board?handler=download&format=csv&from=2026-10-01&to=2026-12-31", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.DoesNotContain("Board report", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
