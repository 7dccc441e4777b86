using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>Managers and seniors of a party's agency see an escalation once it reaches their stage, and not before.</summary>
public sealed class VisibilityByStageTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Managers_SeeItFromStage2_SeniorsFromStage3_OthersNever()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var atOne = await StatusesAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await teacher.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason())).Status);
        var atTwo = await StatusesAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await teacher.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason())).Status);
        var atThree = await StatusesAsync(id);

        Assert.Equal([404, 404, 404, 404, 404], atOne);
        Assert.Equal([200, 200, 404, 404, 404], atTwo);
        Assert.Equal([200, 200, 200, 200, 404], atThree);
    }

    [Fact]
    public async Task Escalate_ByTheRaisersManagerAtStage2_IsAllowed_ByTheRespondentsManager403()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var raisingManager = await host.SignInAsync(Who.TeacherManager);
        using var receivingManager = await host.SignInAsync(Who.SocialWorkerManager);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        Assert.Equal(HttpStatusCode.OK, (await teacher.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason())).Status);

        var refused = await receivingManager.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason());
        var responded = await receivingManager.PostAsync($"/api/escalations/{id}/responses", Bodies.Note("We stand by the decision"));
        var allowed = await raisingManager.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason());

        EscalationSteps.AssertProblem(refused, HttpStatusCode.Forbidden);
        Assert.True(responded.Status == HttpStatusCode.OK, responded.Describe());
        Assert.True(allowed.Status == HttpStatusCode.OK, allowed.Describe());
        Assert.Equal(3, allowed.Json["stage"]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_ForAManagerAtStage2_IncludesTheEscalation()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var manager = await host.SignInAsync(Who.SocialWorkerManager);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        var before = await manager.GetAsync("/api/escalations");
        Assert.Equal(HttpStatusCode.OK, (await teacher.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason())).Status);

        var after = await manager.GetAsync("/api/escalations");

        Assert.DoesNotContain(before.Json.AsArray(), r => r!.Id() == id);
        Assert.Contains(after.Json.AsArray(), r => r!.Id() == id);
    }

    // Teacher's manager, social worker's manager, school senior, CSC senior, police manager.
    private async Task<int[]> StatusesAsync(Guid id)
    {
        var statuses = new List<int>();
        foreach (var who in new[] { Who.TeacherManager, Who.SocialWorkerManager, Who.SchoolSenior, Who.CscSenior, Who.PoliceManager })
        {
            using var client = await host.SignInAsync(who);
            statuses.Add((int)(await client.GetAsync($"/api/escalations/{id}")).Status);
        }

        return [.. statuses];
    }
}
