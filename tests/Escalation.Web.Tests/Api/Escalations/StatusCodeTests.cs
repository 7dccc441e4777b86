using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>The contract's status codes: 404 not 403, 412 on a stale version, 409 in the wrong state, 400, 422.</summary>
public sealed class StatusCodeTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task GetOne_AnotherPersonsEscalation_Answers404LikeOneThatDoesNotExist()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var outsider = await host.SignInAsync(Who.PolicePractitioner);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var hidden = await outsider.GetAsync($"/api/escalations/{id}");
        var missing = await outsider.GetAsync($"/api/escalations/{Guid.NewGuid()}");

        EscalationSteps.AssertProblem(hidden, HttpStatusCode.NotFound);
        Assert.Equal(missing.Json["title"]!.ToJsonString(), hidden.Json["title"]!.ToJsonString());
        Assert.Equal(missing.Json["detail"]!.ToJsonString(), hidden.Json["detail"]!.ToJsonString());
    }

    [Fact]
    public async Task Resolve_WithStaleIfMatch_Answers412AndChangesNothing()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var socialWorker = await host.SignInAsync(Who.SocialWorker);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        var responded = await socialWorker.PostAsync($"/api/escalations/{id}/responses", Bodies.Note(), ifMatch: "\"1\"");
        Assert.Equal("\"2\"", responded.ETag);

        var stale = await teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve(), ifMatch: "\"1\"");
        var after = await teacher.GetAsync($"/api/escalations/{id}");

        EscalationSteps.AssertProblem(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("open", after.Json["status"]!.GetValue<string>());
        Assert.Equal(2, after.Json["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Resolve_ByANonPartyWithAStaleIfMatch_Answers404Not412()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var outsider = await host.SignInAsync(Who.PolicePractitioner);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await outsider.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve(), ifMatch: "\"7\"");

        EscalationSteps.AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("escalate")]
    [InlineData("withdraw")]
    public async Task Move_WithStaleIfMatch_Answers412(string move)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        Assert.Equal(HttpStatusCode.OK, (await teacher.PostAsync($"/api/escalations/{id}/responses", Bodies.Note())).Status);

        var body = move == "responses" ? Bodies.Note() : Bodies.Reason();
        var stale = await teacher.PostAsync($"/api/escalations/{id}/{move}", body, ifMatch: "W/\"1\"");
        var current = await teacher.PostAsync($"/api/escalations/{id}/{move}", body, ifMatch: "W/\"2\"");

        EscalationSteps.AssertProblem(stale, HttpStatusCode.PreconditionFailed);
        Assert.True(current.Status == HttpStatusCode.OK, current.Describe());
    }

    [Fact]
    public async Task Moves_OnAWithdrawnEscalation_Answer409_AndItsStatementSaysWithdrawn()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        Assert.Equal(HttpStatusCode.OK, (await teacher.PostAsync($"/api/escalations/{id}/withdraw", Bodies.Reason())).Status);

        var resolve = await teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve());
        var withdrawAgain = await teacher.PostAsync($"/api/escalations/{id}/withdraw", Bodies.Reason());
        var respond = await teacher.PostAsync($"/api/escalations/{id}/responses", Bodies.Note());
        var statement = await teacher.GetAsync($"/api/escalations/{id}/outcome-statement");

        EscalationSteps.AssertProblem(resolve, HttpStatusCode.Conflict);
        EscalationSteps.AssertProblem(withdrawAgain, HttpStatusCode.Conflict);
        EscalationSteps.AssertProblem(respond, HttpStatusCode.Conflict);
        // Closed by withdrawal: the statement says so, for both agencies' records.
        Assert.Equal(HttpStatusCode.OK, statement.Status);
        Assert.Contains("Withdrawn by", statement.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutcomeStatement_WhileOpen_Answers409()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        EscalationSteps.AssertProblem(await teacher.GetAsync($"/api/escalations/{id}/outcome-statement"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Escalate_AtStage4_Answers409()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id)
            .With("startAtStage", 4).With("startAtStageReason", "The seniors could not agree"))).Id();

        var response = await teacher.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason(), ifMatch: "\"1\"");

        EscalationSteps.AssertProblem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resolve_AResolvedEscalation_Answers409()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        await teacher.ResolveAsync(id);

        EscalationSteps.AssertProblem(await teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve()), HttpStatusCode.Conflict);
        EscalationSteps.AssertProblem(await teacher.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason()), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Raise_InvalidInput_Answers400NamingTheField()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id).With("levelOfNeed", 9));

        EscalationSteps.AssertInvalid(response, "levelOfNeed");
    }

    [Fact]
    public async Task Raise_ImmediateRiskNotReferred_Answers422WithContactNowGuidanceAndStoresNothing()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var before = await host.CountsAsync();

        var response = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id)
            .With("childAtImmediateRisk", true).With("immediateReferralMade", false));

        EscalationSteps.AssertProblem(response, (HttpStatusCode)422);
        var detail = response.Json["detail"]!.GetValue<string>();
        Assert.Contains("Children's Social Care", detail, StringComparison.Ordinal);
        Assert.Contains("police", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("now", detail, StringComparison.Ordinal);
        Assert.Contains("999", detail, StringComparison.Ordinal);
        Assert.Contains("Children's Social Care 01632 960001", detail, StringComparison.Ordinal);
        Assert.Equal(["01632 960001", "01632 960002", "101", "999"],
            response.Json["contacts"]!.AsArray().Select(c => c!["number"]!.GetValue<string>()));
        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task Raise_ImmediateRiskAlreadyReferred_IsAccepted()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id)
            .With("childAtImmediateRisk", true).With("immediateReferralMade", true).With("track", "urgent"));

        Assert.True(response.Status == HttpStatusCode.Created, response.Describe());
        Assert.Equal("urgent", response.Json["track"]!.GetValue<string>());
    }

    [Fact]
    public async Task Move_OnAnUnknownEscalation_Answers404()
    {
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.PostAsync($"/api/escalations/{Guid.NewGuid()}/resolve", Bodies.Resolve());

        EscalationSteps.AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Resolve_BoardDecisionByTheRaiser_Answers400NamingOutcome()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve("board-decision"));

        EscalationSteps.AssertInvalid(response, "outcome");
    }
}
