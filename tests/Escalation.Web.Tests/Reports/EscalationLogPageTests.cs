using System.Net;
using Escalation.Data.Entities;
using Escalation.Web.Tests.Api.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// The board's side of the pages: the overview on <c>/</c>, the escalation log at <c>/board/escalations</c> and its CSV,
/// the report viewer's landing page, and the partnership's own agency kept out of the respondents.
/// </summary>
public sealed class EscalationLogPageTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Home_BoardOfficer_SeesTheOverviewWithLinksIntoTheLog()
    {
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);

        var page = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<h1 class=\"govuk-heading-l\">Overview</h1>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"open-by-stage\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/board/escalations?deadline=overdue&amp;sort=due\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/board/escalations?deadline=this-week&amp;sort=due\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/board/escalations\">Escalation log</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Your escalations", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ReportViewer_LandsOnTheBoardReport()
    {
        using var browser = await host.SignInPagesAsync(Who.ReportViewer);

        using var response = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/board", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Log_SearchAndFilter_ListsOnlyTheMatchesAndTheCsvHoldsExactlyThem()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var wanted = (await teacher.RaiseAsync(Child(people, "CH-LOG-1"))).Id();
        var unwanted = (await teacher.RaiseAsync(Child(people, "CH-LOG-2"))).Id();
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);
        const string Query = "q=ch-log-1&raisingAgency={0}&raisedFrom.Day=1&raisedFrom.Month=Dec&raisedFrom.Year=2026&status=open";
        var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, Query, people.SchoolId);

        var page = await browser.GetStringAsync(new Uri("/board/escalations?" + query, UriKind.Relative));
        var csv = await browser.GetStringAsync(new Uri("/board/escalations?handler=csv&" + query, UriKind.Relative));

        Assert.Contains($"href=\"/escalations/{wanted}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/escalations/{unwanted}\"", page, StringComparison.Ordinal);
        Assert.Contains(">1 escalation</h2>", page, StringComparison.Ordinal);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",CH-LOG-1,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Riverside Primary School", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_BadDates_ErrorsInFieldOrderWithoutAFailure()
    {
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);

        using var response = await browser.GetAsync(new Uri(
            "/board/escalations?raisedFrom.Day=40&raisedFrom.Month=Foo&raisedFrom.Year=2026&raisedTo.Day=1&raisedTo.Month=1&raisedTo.Year=2026&stage=9",
            UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stage = page.IndexOf("href=\"#Stage\"", StringComparison.Ordinal);
        var from = page.IndexOf("href=\"#RaisedFrom\"", StringComparison.Ordinal);
        Assert.True(stage > 0 && from > stage, "The error summary names the stage, then the first date.");
        Assert.Contains("The first day must be a real date", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"log\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_RespondentInThePartnershipsOwnAgency_MarkedAndRefusedForANewEscalation()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Child(people, "CH-LOG-PARTNER"))).Id();
        var partnershipManager = await AddPartnershipManagerAsync();
        await host.InDbAsync(db => db.Escalations.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RespondentId, partnershipManager)));
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);

        var log = await browser.GetStringAsync(new Uri("/board/escalations?q=CH-LOG-PARTNER", UriKind.Relative));
        var refused = await teacher.PostAsync("/api/escalations", Bodies.Raise(partnershipManager));

        Assert.Contains("Respondent not valid under the current rules: the respondent works for the partnership itself.", log, StringComparison.Ordinal);
        Assert.True(refused.Status == HttpStatusCode.BadRequest, refused.Describe());
        Assert.Equal(["respondentId"], refused.ErrorFields);
    }

    [Theory]
    [InlineData(Who.Teacher)]
    [InlineData(Who.ReportViewer)]
    [InlineData(Who.Admin)]
    public async Task Log_NotTheBoard_Refused(Who who)
    {
        using var browser = await host.SignInPagesAsync(who);

        using var response = await browser.GetAsync(new Uri("/board/escalations", UriKind.Relative));
        using var csv = await browser.GetAsync(new Uri("/board/escalations?handler=csv", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, csv.StatusCode);
    }

    private static System.Text.Json.Nodes.JsonObject Child(ApiPartnership people, string child)
    {
        var body = Bodies.Raise(people[Who.SocialWorker].Id);
        body["childReference"] = child;
        return body;
    }

    /// <summary>A manager in an agency of kind Partnership: in the directory, a professional, yet never a respondent.</summary>
    private Task<Guid> AddPartnershipManagerAsync() => host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Data.EscalationDbContext>();
        var agency = new Agency { Id = Guid.NewGuid(), Name = "Partnership administration", Kind = AgencyKind.Partnership };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var users = sp.GetRequiredService<UserManager<Person>>();
        var person = new Person { Id = Guid.NewGuid(), Name = "Pat Partnership", Email = "pat@partnership.example.org", UserName = "pat@partnership.example.org", AgencyId = agency.Id };
        Assert.True((await users.CreateAsync(person)).Succeeded);
        Assert.True((await users.AddToRoleAsync(person, "Manager")).Succeeded);
        return person.Id;
    });
}
