using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary><c>GET /api/escalations</c> and each of its filters. This class moves its host's clock on.</summary>
public sealed class EscalationListTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task List_AsRaiser_HasTheSummaryFields()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await teacher.GetAsync("/api/escalations");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        var row = Assert.Single(response.Json.AsArray(), r => r!.Id() == id)!;
        foreach (var field in new[] { "reference", "status", "track", "stage", "child", "category", "raisedBy", "respondent", "version" })
        {
            Assert.True(row.AsObject().ContainsKey(field), $"The list row has no '{field}': {row.ToJsonString()}");
        }

        Assert.Equal(1, row["stage"]!["number"]!.GetValue<int>());
        Assert.Equal(Bodies.ChildReference, row["child"]!["reference"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("open", true)]
    [InlineData("resolved", false)]
    [InlineData("withdrawn", false)]
    public async Task List_FilteredByStatus_KeepsOnlyThatStatus(string status, bool includesOpen)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var open = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        var resolved = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        await teacher.ResolveAsync(resolved);

        var ids = await IdsAsync(teacher, $"/api/escalations?status={status}");

        Assert.Equal(includesOpen, ids.Contains(open));
        Assert.Equal(status == "resolved", ids.Contains(resolved));
    }

    [Fact]
    public async Task List_FilteredByStage_KeepsOnlyThatStage()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var atOne = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        var atTwo = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        Assert.Equal(HttpStatusCode.OK, (await teacher.PostAsync($"/api/escalations/{atTwo}/escalate", Bodies.Reason())).Status);

        var stageOne = await IdsAsync(teacher, "/api/escalations?stage=1");
        var stageTwo = await IdsAsync(teacher, "/api/escalations?stage=2");

        Assert.Contains(atOne, stageOne);
        Assert.DoesNotContain(atTwo, stageOne);
        Assert.Contains(atTwo, stageTwo);
        Assert.DoesNotContain(atOne, stageTwo);
    }

    [Fact]
    public async Task List_FilteredByAgency_MatchesEitherPartysAgency()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        Assert.Contains(id, await IdsAsync(teacher, $"/api/escalations?agencyId={people.SchoolId}"));
        Assert.Contains(id, await IdsAsync(teacher, $"/api/escalations?agencyId={people.CscId}"));
        Assert.DoesNotContain(id, await IdsAsync(teacher, $"/api/escalations?agencyId={people.PoliceId}"));
    }

    [Fact]
    public async Task List_OverdueTrue_OnlyAfterTheClockPassesTheDueDate()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var raised = await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id));
        var id = raised.Id();
        var dueAt = raised["stage"]!["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.DoesNotContain(id, await IdsAsync(teacher, "/api/escalations?overdue=true"));

        host.Clock.SetUtcNow(dueAt.AddMinutes(1)); // the dispatcher is off, so nothing moves it on by itself
        using var later = await host.SignInAsync(Who.Teacher);
        var overdue = await IdsAsync(later, "/api/escalations?overdue=true");
        var one = await later.GetAsync($"/api/escalations/{id}");

        Assert.Contains(id, overdue);
        Assert.True(one.Json["stage"]!["overdue"]!.GetValue<bool>());
        Assert.Contains(id, await IdsAsync(later, "/api/escalations?overdue=false"));
    }

    private static async Task<List<Guid>> IdsAsync(ApiClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        return [.. response.Json.AsArray().Select(r => r!.Id())];
    }
}
