using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Reports;

/// <summary><c>GET /api/reports/board</c>: who may read it, the format chosen by <c>Accept</c>, and the 400s that name the field.</summary>
public sealed class ReportEndpointTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Quarter = "/api/reports/board?from=2026-10-01&to=2026-12-31";

    [Theory]
    [InlineData(Who.BoardOfficer)]
    [InlineData(Who.Chair)]
    [InlineData(Who.ReportViewer)]
    [InlineData(Who.Admin)]
    public async Task BoardReport_BoardRolesReportViewersAndAdmins_Answer200Json(Who who)
    {
        using var client = await host.SignInAsync(who);

        var response = await client.GetAsync(Quarter);

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal("2026-10-01", response.Json["period"]!["from"]!.GetValue<string>());
        Assert.Equal("2026-07-01", response.Json["previousPeriod"]!["period"]!["from"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Who.Teacher)]
    [InlineData(Who.TeacherManager)]
    [InlineData(Who.CscSenior)]
    public async Task BoardReport_PractitionersManagersAndSeniors_Answer403(Who who)
    {
        using var client = await host.SignInAsync(who);

        var response = await client.GetAsync(Quarter);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
    }

    [Fact]
    public async Task BoardReport_Anonymous_Answers401()
    {
        using var client = host.Anonymous();

        var response = await client.GetAsync(Quarter);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Theory]
    [InlineData("text/csv", "text/csv", "\"Board report: October to December 2026")]
    [InlineData("text/html", "text/html", "<!DOCTYPE html>")]
    [InlineData("application/json", "application/json", "{")]
    [InlineData("text/html;q=0.5, text/csv", "text/csv", "\"Board report")]
    [InlineData("*/*", "application/json", "{")]
    public async Task BoardReport_FormatFollowsAccept(string accept, string mediaType, string start)
    {
        using var client = await host.SignInAsync(Who.ReportViewer);

        var response = await client.GetAsync(Quarter, accept);

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal(mediaType, response.MediaType);
        Assert.StartsWith(start, response.Body.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardReport_AcceptOfNothingItMakes_Answers406()
    {
        using var client = await host.SignInAsync(Who.ReportViewer);

        var response = await client.GetAsync(Quarter, "image/png");

        EscalationSteps.AssertProblem(response, HttpStatusCode.NotAcceptable);
    }

    [Theory]
    [InlineData("/api/reports/board?to=2026-12-31", "from")]
    [InlineData("/api/reports/board?from=2026-10-01", "to")]
    [InlineData("/api/reports/board?from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("/api/reports/board?from=01/10/2026&to=2026-12-31", "from")]
    [InlineData("/api/reports/board?from=2026-10-01&to=tomorrow", "to")]
    [InlineData("/api/reports/board?from=2026-12-31&to=2026-10-01", "to")]
    [InlineData("/api/reports/board?from=2020-01-01&to=2025-01-01", "to")]
    public async Task BoardReport_BadPeriod_Answers400NamingTheField(string path, string field)
    {
        using var client = await host.SignInAsync(Who.BoardOfficer);

        var response = await client.GetAsync(path);

        EscalationSteps.AssertInvalid(response, field);
    }

    [Fact]
    public async Task BoardReport_FiveYearsLessADay_IsAllowed()
    {
        using var client = await host.SignInAsync(Who.BoardOfficer);

        var response = await client.GetAsync("/api/reports/board?from=2021-04-01&to=2026-03-31");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal(60, response.Json["timelinessByMonth"]!.AsArray().Count);
    }
}
