using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>
/// Every role against every escalation endpoint, on an escalation at stage 1 that the caller is not party to (the teacher
/// raised it about the social worker's decision). Non-parties get 404, never 403, and no refusal leaks anything.
/// </summary>
public sealed class AuthorisationMatrixTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string ChildReference = "CH-MATRIX-7731";
    private const string Concern = "Bruising seen on the child's arm on 12 December";

    private static readonly string[] Endpoints = ["get", "list", "responses", "escalate", "resolve", "withdraw", "outcome-statement"];

    // The expected status for each endpoint, in the order of Endpoints.
    private static readonly Dictionary<Who, int[]> Expected = new()
    {
        // Not a party, and no relation to either party's agency: the escalation does not exist for them.
        [Who.PolicePractitioner] = [404, 200, 404, 404, 404, 404, 404],
        [Who.PoliceManager] = [404, 200, 404, 404, 404, 404, 404],
        [Who.PoliceSenior] = [404, 200, 404, 404, 404, 404, 404],
        // "Sees aggregate reports only."
        [Who.ReportViewer] = [404, 200, 404, 404, 404, 404, 404],
        // The board sees every escalation and may add to the record, but only the raising side escalates, resolves
        // (the board only at the last stage) and only the raiser withdraws.
        [Who.BoardOfficer] = [200, 200, 200, 403, 403, 403, 200],
        [Who.Chair] = [200, 200, 200, 403, 403, 403, 200],
        // Version 2: an administrator without a board role reads no escalation.
        [Who.Admin] = [404, 200, 404, 404, 404, 404, 404],
        // The parties' managers and seniors see it only once it reaches their stage; this one is at stage 1.
        [Who.TeacherManager] = [404, 200, 404, 404, 404, 404, 404],
        [Who.SocialWorkerManager] = [404, 200, 404, 404, 404, 404, 404],
        [Who.SchoolSenior] = [404, 200, 404, 404, 404, 404, 404],
        [Who.CscSenior] = [404, 200, 404, 404, 404, 404, 404],
        // Control: the respondent is a party but on the receiving side.
        [Who.SocialWorker] = [200, 200, 200, 403, 403, 403, 200],
    };

    public static TheoryData<Who, string, int> Cases()
    {
        var cases = new TheoryData<Who, string, int>();
        foreach (var (who, statuses) in Expected)
        {
            for (var i = 0; i < Endpoints.Length; i++)
            {
                cases.Add(who, Endpoints[i], statuses[i]);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_OnAnEscalationTheCallerIsNotPartyTo_AnswersTheContractStatusAndLeaksNothing(Who who, string endpoint, int expected)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var caller = await host.SignInAsync(who);
        var raised = await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id)
            .With("childReference", ChildReference).With("concern", Concern));
        var id = raised.Id();
        if (endpoint == "outcome-statement")
            await teacher.ResolveAsync(id);
        var before = await teacher.GetAsync($"/api/escalations/{id}");

        var response = await CallAsync(caller, endpoint, id);

        Assert.True((int)response.Status == expected, $"{who} {endpoint}: expected {expected}, got {response.Describe()}");
        if (expected is 403 or 404)
        {
            Assert.Equal("application/problem+json", response.MediaType);
            AssertLeaksNothing(response, raised, people);
            var after = await teacher.GetAsync($"/api/escalations/{id}");
            Assert.Equal(before.Json["version"]!.GetValue<int>(), after.Json["version"]!.GetValue<int>());
        }

        if (endpoint == "list")
        {
            var sees = Expected[who][0] == 200;
            Assert.Equal(sees, response.Json.AsArray().Any(r => r!.Id() == id));
            if (!sees)
                AssertLeaksNothing(response, raised, people);
        }
    }

    [Theory]
    [InlineData(Who.TeacherManager)]
    [InlineData(Who.SchoolSenior)]
    [InlineData(Who.BoardOfficer)]
    [InlineData(Who.Chair)]
    [InlineData(Who.ReportViewer)]
    [InlineData(Who.Admin)]
    public async Task Raise_ByAnyoneButAPractitioner_Answers403AndStoresNothing(Who who)
    {
        var people = await host.PeopleAsync();
        using var caller = await host.SignInAsync(who);
        var before = await host.CountsAsync();

        var response = await caller.PostAsync("/api/escalations", Bodies.Raise(people[Who.SocialWorker].Id));

        Assert.True(response.Status == HttpStatusCode.Forbidden, response.Describe());
        Assert.Equal(before, await host.CountsAsync());
    }

    private static Task<ApiResponse> CallAsync(ApiClient caller, string endpoint, Guid id) => endpoint switch
    {
        "get" => caller.GetAsync($"/api/escalations/{id}"),
        "list" => caller.GetAsync("/api/escalations"),
        "responses" => caller.PostAsync($"/api/escalations/{id}/responses", Bodies.Note()),
        "escalate" => caller.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason()),
        "resolve" => caller.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve()),
        "withdraw" => caller.PostAsync($"/api/escalations/{id}/withdraw", Bodies.Reason()),
        "outcome-statement" => caller.GetAsync($"/api/escalations/{id}/outcome-statement"),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };

    private static void AssertLeaksNothing(ApiResponse response, JsonNode raised, ApiPartnership people)
    {
        string[] secrets =
        [
            ChildReference, Concern, raised["reference"]!.GetValue<string>(), raised["decisionChallenged"]!.GetValue<string>(),
            people[Who.Teacher].Name, people[Who.SocialWorker].Name, people[Who.Teacher].Email, people[Who.SocialWorker].Email,
        ];
        foreach (var secret in secrets)
        {
            Assert.False(response.Body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"The answer leaks '{secret}': {response.Describe()}");
        }
    }
}
