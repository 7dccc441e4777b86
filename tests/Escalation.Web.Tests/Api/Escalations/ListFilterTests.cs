using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>
/// Contract version 2's filters on <c>GET /api/escalations</c>: category, raising and receiving agency, raised between two
/// dates (inclusive, in the partnership's time zone) and <c>q</c>; a bad value answers 400 naming it. This class moves its host's clock on.
/// </summary>
public sealed class ListFilterTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task List_FilteredByCategory_KeepsOnlyThatCategory()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var drift = (await teacher.RaiseAsync(Body(people[Who.SocialWorker].Id, "CH-CAT-1", "drift"))).Id();
        var threshold = (await teacher.RaiseAsync(Body(people[Who.SocialWorker].Id, "CH-CAT-2", "below-threshold"))).Id();

        var ids = await IdsAsync(teacher, "/api/escalations?category=drift");

        Assert.Contains(drift, ids);
        Assert.DoesNotContain(threshold, ids);
    }

    [Fact]
    public async Task List_FilteredByRaisingOrReceivingAgency_MatchesThatSideOnly()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Body(people[Who.SocialWorker].Id, "CH-AGENCY-1"))).Id();
        using var board = await host.SignInAsync(Who.BoardOfficer);

        Assert.Contains(id, await IdsAsync(board, $"/api/escalations?raisingAgencyId={people.SchoolId}"));
        Assert.DoesNotContain(id, await IdsAsync(board, $"/api/escalations?raisingAgencyId={people.CscId}"));
        Assert.Contains(id, await IdsAsync(board, $"/api/escalations?receivingAgencyId={people.CscId}"));
        Assert.DoesNotContain(id, await IdsAsync(board, $"/api/escalations?receivingAgencyId={people.SchoolId}"));
    }

    [Fact]
    public async Task List_RaisedFromAndTo_AreInclusiveLocalDates_RaisedAt0030BritishSummerTimeOn1July()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Body(people[Who.SocialWorker].Id, "CH-DATE-1"))).Id();
        // 23:30 UTC on 30 June is 00:30 on 1 July in London.
        var raisedAt = new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero);
        await host.InDbAsync(db => db.Escalations.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.RaisedAt, raisedAt)));

        var onTheDay = await IdsAsync(teacher, "/api/escalations?raisedFrom=2026-07-01&raisedTo=2026-07-01");
        var dayBefore = await IdsAsync(teacher, "/api/escalations?raisedTo=2026-06-30");
        var dayAfter = await IdsAsync(teacher, "/api/escalations?raisedFrom=2026-07-02");

        Assert.Equal([id], onTheDay);
        Assert.DoesNotContain(id, dayBefore);
        Assert.DoesNotContain(id, dayAfter);
    }

    [Fact]
    public async Task List_Q_MatchesTheReferenceOrTheChildsReference_IgnoringCase()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var raised = await teacher.RaiseAsync(Body(people[Who.SocialWorker].Id, "CH-Q-4711"));
        var id = raised.Id();
        var reference = raised["reference"]!.GetValue<string>();
        var other = (await teacher.RaiseAsync(Body(people[Who.SocialWorker].Id, "CH-Q-5000"))).Id();

        var byChild = await IdsAsync(teacher, "/api/escalations?q=ch-q-47");
        var byReference = await IdsAsync(teacher, $"/api/escalations?q={Uri.EscapeDataString(reference.ToLowerInvariant())}");
        var wildcard = await IdsAsync(teacher, "/api/escalations?q=%25");

        Assert.Equal([id], byChild);
        Assert.Contains(id, byReference);
        Assert.DoesNotContain(other, byReference);
        Assert.Empty(wildcard);
    }

    [Theory]
    [InlineData("category=not-a-category", "category")]
    [InlineData("raisingAgencyId=school", "raisingAgencyId")]
    [InlineData("receivingAgencyId=12", "receivingAgencyId")]
    [InlineData("raisedFrom=18/12/2026", "raisedFrom")]
    [InlineData("raisedTo=2026-02-30", "raisedTo")]
    [InlineData("raisedFrom=2026-12-18&raisedTo=2026-12-01", "raisedTo")]
    [InlineData("stage=two", "stage")]
    public async Task List_BadFilter_Answers400NamingTheField(string query, string field)
    {
        using var board = await host.SignInAsync(Who.BoardOfficer);

        var response = await board.GetAsync("/api/escalations?" + query);

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Describe());
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal([field], response.ErrorFields);
    }

    private static JsonObject Body(Guid respondentId, string child, string category = "below-threshold")
    {
        var body = Bodies.Raise(respondentId);
        body["childReference"] = child;
        body["category"] = category;
        return body;
    }

    private static async Task<List<Guid>> IdsAsync(ApiClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        return [.. response.Json.AsArray().Select(r => r!.Id())];
    }
}
