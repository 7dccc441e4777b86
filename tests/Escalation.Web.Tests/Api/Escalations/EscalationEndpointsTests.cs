using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>Each escalation endpoint's normal path, with the contract's names and shapes.</summary>
public sealed class EscalationEndpointsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Raise_ValidBody_Answers201WithLocationETagAndTheContractShape()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id));

        Assert.True(response.Status == HttpStatusCode.Created, response.Describe());
        Assert.Equal("application/json", response.MediaType);
        var e = response.Json;
        var id = e.Id();
        Assert.Equal($"/api/escalations/{id}", response.Header("Location"));
        Assert.Equal("\"1\"", response.ETag);
        Assert.Matches("^ESC-[0-9A-Z]{8}$", e["reference"]!.GetValue<string>());
        Assert.Equal("open", e["status"]!.GetValue<string>());
        Assert.Equal("standard", e["track"]!.GetValue<string>());
        Assert.Equal("professional-differences", e["policy"]!["id"]!.GetValue<string>());
        Assert.Equal(1, e["policy"]!["version"]!.GetValue<int>());
        Assert.Equal(1, e["stage"]!["number"]!.GetValue<int>());
        Assert.Equal("practitioner", e["stage"]!["key"]!.GetValue<string>());
        Assert.Equal("Practitioner", e["stage"]!["title"]!.GetValue<string>());
        Assert.Equal(ApiHost.Start, e["stage"]!["startedAt"]!.GetValue<DateTimeOffset>());
        Assert.True(e["stage"]!["dueAt"]!.GetValue<DateTimeOffset>() > ApiHost.Start);
        Assert.False(e["stage"]!["overdue"]!.GetValue<bool>());
        Assert.Equal(Bodies.ChildReference, e["child"]!["reference"]!.GetValue<string>());
        Assert.Equal(14, e["child"]!["ageYears"]!.GetValue<int>());
        Assert.Equal("below-threshold", e["category"]!.GetValue<string>());
        Assert.Equal(3, e["levelOfNeed"]!.GetValue<int>());
        AssertParty(e["raisedBy"]!, people[Who.Teacher]);
        AssertParty(e["respondent"]!, people[Who.SocialWorker]);
        Assert.Equal("Referral closed with no further action", e["decisionChallenged"]!.GetValue<string>());
        Assert.Equal(Bodies.Concern, e["concern"]!.GetValue<string>());
        Assert.Equal("A strategy discussion", e["desiredOutcome"]!.GetValue<string>());
        Assert.Null(e["outcome"]);
        Assert.True(e.AsObject().ContainsKey("outcome"), "outcome must be present, as null");
        var raised = Assert.Single(e["history"]!.AsArray())!;
        Assert.Equal(["at", "byId", "note", "stage", "type"], raised.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("raised", raised["type"]!.GetValue<string>());
        Assert.Equal(1, raised["stage"]!.GetValue<int>());
        Assert.Equal(people[Who.Teacher].Id, raised["byId"]!.GetValue<Guid>());
        Assert.Equal(ApiHost.Start, raised["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, e["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetOne_AsRaiser_AnswersTheEscalationWithItsVersionAsETag()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await teacher.GetAsync($"/api/escalations/{id}");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal("\"1\"", response.ETag);
        Assert.Equal(id, response.Json.Id());
    }

    [Fact]
    public async Task GetOne_AsRespondent_AnswersTheEscalation()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var socialWorker = await host.SignInAsync(Who.SocialWorker);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await socialWorker.GetAsync($"/api/escalations/{id}");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
    }

    [Fact]
    public async Task Respond_ByRespondentWithIfMatch_AddsRespondedEntryAndBumpsVersion()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var socialWorker = await host.SignInAsync(Who.SocialWorker);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await socialWorker.PostAsync($"/api/escalations/{id}/responses", Bodies.Note("We will look again"), ifMatch: "\"1\"");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal("\"2\"", response.ETag);
        Assert.Equal(2, response.Json["version"]!.GetValue<int>());
        var last = response.Json["history"]!.AsArray()[^1]!;
        Assert.Equal("responded", last["type"]!.GetValue<string>());
        Assert.Equal("We will look again", last["note"]!.GetValue<string>());
        Assert.Equal(people[Who.SocialWorker].Id, last["byId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Escalate_ByRaiser_MovesToStage2Manager()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await teacher.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason(), ifMatch: "\"1\"");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal(2, response.Json["stage"]!["number"]!.GetValue<int>());
        Assert.Equal("manager", response.Json["stage"]!["key"]!.GetValue<string>());
        var last = response.Json["history"]!.AsArray()[^1]!;
        Assert.Equal("escalated", last["type"]!.GetValue<string>());
        Assert.Equal(2, last["stage"]!.GetValue<int>());
        Assert.Equal("\"2\"", response.ETag);
    }

    [Fact]
    public async Task Resolve_ByRaiser_ClosesWithTheOutcomeShape()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await teacher.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve(), ifMatch: "\"1\"");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        var e = response.Json;
        Assert.Equal("resolved", e["status"]!.GetValue<string>());
        var outcome = e["outcome"]!;
        Assert.Equal(["actions", "goodPractice", "kind", "learning", "statement"], outcome.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("decision-changed", outcome["kind"]!.GetValue<string>());
        Assert.Equal(Bodies.Resolve()["statement"]!.GetValue<string>(), outcome["statement"]!.GetValue<string>());
        Assert.Equal(["Strategy discussion by 23 December", "School to attend the meeting"],
            outcome["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("Share the school's chronology with the referral.", outcome["learning"]!.GetValue<string>());
        Assert.Equal("The teacher kept a clear record of each disclosure.", outcome["goodPractice"]!.GetValue<string>());
        Assert.Equal("resolved", e["history"]!.AsArray()[^1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withdraw_ByRaiser_ClosesAsWithdrawn()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await teacher.PostAsync($"/api/escalations/{id}/withdraw", Bodies.Reason("Resolved by phone"));

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal("withdrawn", response.Json["status"]!.GetValue<string>());
        Assert.Null(response.Json["outcome"]);
        var last = response.Json["history"]!.AsArray()[^1]!;
        Assert.Equal("withdrawn", last["type"]!.GetValue<string>());
        Assert.Equal("Resolved by phone", last["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task OutcomeStatement_BeforeResolution409_AfterResolutionHtmlWithReference()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var socialWorker = await host.SignInAsync(Who.SocialWorker);
        var raised = await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id));
        var id = raised.Id();

        var before = await teacher.GetAsync($"/api/escalations/{id}/outcome-statement");
        await teacher.ResolveAsync(id);
        var after = await socialWorker.GetAsync($"/api/escalations/{id}/outcome-statement");

        EscalationSteps.AssertProblem(before, HttpStatusCode.Conflict);
        Assert.True(after.Status == HttpStatusCode.OK, after.Describe());
        Assert.Equal("text/html", after.MediaType);
        Assert.Contains(raised["reference"]!.GetValue<string>(), after.Body, StringComparison.Ordinal);
        Assert.Contains(Bodies.ChildReference, after.Body, StringComparison.Ordinal);
        Assert.Contains("School to attend the meeting", after.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raise_StartAtStage4WithReason_StartsAtTheBoardStage()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var e = await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id)
            .With("startAtStage", 4).With("startAtStageReason", "Seniors already met and disagree"));

        Assert.Equal(4, e["stage"]!["number"]!.GetValue<int>());
        Assert.Equal("lscb", e["stage"]!["key"]!.GetValue<string>());
        Assert.Equal("Seniors already met and disagree", e["history"]![0]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolve_ByBoardAtTheLastStage_RecordsABoardDecision()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var chair = await host.SignInAsync(Who.Chair);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id)
            .With("startAtStage", 4).With("startAtStageReason", "Seniors already met and disagree"))).Id();

        var resolved = await chair.ResolveAsync(id, "board-decision");

        Assert.Equal("board-decision", resolved["outcome"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolve_AnActionWithALineBreak_IsKeptAsOneActionOrRefused()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await teacher.PostAsync($"/api/escalations/{id}/resolve",
            Bodies.Resolve().With("actions", new JsonArray("Call the family\nthen write to them")));

        if (response.Status == HttpStatusCode.BadRequest)
        {
            EscalationSteps.AssertInvalid(response, "actions");
            return;
        }

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        var read = await teacher.GetAsync($"/api/escalations/{id}");
        Assert.Equal(["Call the family\nthen write to them"], read.Json["outcome"]!["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    private static void AssertParty(JsonNode party, SeededPerson person)
    {
        Assert.Equal(person.Id, party["id"]!.GetValue<Guid>());
        Assert.Equal(person.Name, party["name"]!.GetValue<string>());
        Assert.Equal(person.AgencyId, party["agencyId"]!.GetValue<Guid>());
    }
}
