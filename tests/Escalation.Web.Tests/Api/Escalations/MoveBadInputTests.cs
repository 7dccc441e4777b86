using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>
/// Bad input to the moves (responses, escalate, resolve, withdraw), to <c>If-Match</c> and to the list's filters:
/// 400 problems naming the field, never 500, and the escalation unchanged.
/// </summary>
public sealed class MoveBadInputTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly Dictionary<string, (string Move, Func<string> Body, string? Field, string? IfMatch)> Cases = new()
    {
        ["resolve: malformed JSON"] = ("resolve", () => "{\"outcome\":", null, null),
        ["resolve: JSON array"] = ("resolve", () => "[]", "body", null),
        ["resolve: outcome maybe"] = ("resolve", () => Bodies.Resolve("maybe").ToJsonString(), "outcome", null),
        ["resolve: outcome in capitals"] = ("resolve", () => Bodies.Resolve("Decision-Changed").ToJsonString(), "outcome", null),
        ["resolve: outcome as number"] = ("resolve", () => Bodies.Resolve().With("outcome", 1).ToJsonString(), "outcome", null),
        ["resolve: outcome missing"] = ("resolve", () => Bodies.Resolve().Without("outcome").ToJsonString(), "outcome", null),
        ["resolve: statement missing"] = ("resolve", () => Bodies.Resolve().Without("statement").ToJsonString(), "statement", null),
        ["resolve: statement blank"] = ("resolve", () => Bodies.Resolve().With("statement", " ").ToJsonString(), "statement", null),
        ["resolve: statement 1 MB"] = ("resolve", () => Bodies.Resolve().With("statement", Bodies.Megabyte).ToJsonString(), "statement", null),
        ["resolve: statement as object"] = ("resolve", () => Bodies.Resolve().With("statement", new JsonObject()).ToJsonString(), "statement", null),
        ["resolve: actions as string"] = ("resolve", () => Bodies.Resolve().With("actions", "one action").ToJsonString(), "actions", null),
        ["resolve: actions holding a number"] = ("resolve", () => Bodies.Resolve().With("actions", new JsonArray(1)).ToJsonString(), "actions", null),
        ["resolve: 51 actions"] = ("resolve", () => Bodies.Resolve().With("actions", new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode?)$"action {i}")])).ToJsonString(), "actions", null),
        ["resolve: action 1 MB"] = ("resolve", () => Bodies.Resolve().With("actions", new JsonArray(Bodies.Megabyte)).ToJsonString(), "actions", null),
        ["resolve: learning 1 MB"] = ("resolve", () => Bodies.Resolve().With("learning", Bodies.Megabyte).ToJsonString(), "learning", null),
        ["resolve: goodPractice 1 MB"] = ("resolve", () => Bodies.Resolve().With("goodPractice", Bodies.Megabyte).ToJsonString(), "goodPractice", null),
        ["resolve: If-Match not a version"] = ("resolve", () => Bodies.Resolve().ToJsonString(), "If-Match", "\"abc\""),
        ["resolve: If-Match negative"] = ("resolve", () => Bodies.Resolve().ToJsonString(), "If-Match", "\"-1\""),
        ["resolve: If-Match huge"] = ("resolve", () => Bodies.Resolve().ToJsonString(), "If-Match", "\"99999999999999999999\""),
        ["escalate: reason missing"] = ("escalate", () => "{}", "reason", null),
        ["escalate: reason blank"] = ("escalate", () => Bodies.Reason("  ").ToJsonString(), "reason", null),
        ["escalate: reason 1 MB"] = ("escalate", () => Bodies.Reason(Bodies.Megabyte).ToJsonString(), "reason", null),
        ["escalate: reason as number"] = ("escalate", () => "{\"reason\":42}", "reason", null),
        ["escalate: truncated"] = ("escalate", () => "{\"reason\":\"no ans", null, null),
        ["escalate: empty body"] = ("escalate", () => "", "body", null),
        ["withdraw: reason missing"] = ("withdraw", () => "{}", "reason", null),
        ["withdraw: reason 1 MB"] = ("withdraw", () => Bodies.Reason(Bodies.Megabyte).ToJsonString(), "reason", null),
        ["withdraw: JSON string"] = ("withdraw", () => "\"because\"", "body", null),
        ["responses: note missing"] = ("responses", () => "{}", "note", null),
        ["responses: note 1 MB"] = ("responses", () => Bodies.Note(Bodies.Megabyte).ToJsonString(), "note", null),
        ["responses: note as object"] = ("responses", () => "{\"note\":{\"text\":\"x\"}}", "note", null),
        ["responses: note as array"] = ("responses", () => "{\"note\":[\"x\"]}", "note", null),
        ["responses: null"] = ("responses", () => "null", "body", null),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Move_BadInput_Answers400ProblemNamingTheFieldAndChangesNothing(string name)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        var (move, body, field, ifMatch) = Cases[name];
        var before = await host.CountsAsync();

        var response = await teacher.PostRawAsync($"/api/escalations/{id}/{move}", body(), ifMatch: ifMatch);

        // Malformed JSON is named by where the reader stopped (a field, or "body").
        EscalationSteps.AssertInvalid(response, field);
        Assert.Equal(before, await host.CountsAsync());
        var after = await teacher.GetAsync($"/api/escalations/{id}");
        Assert.Equal(1, after.Json["version"]!.GetValue<int>());
        Assert.Equal("open", after.Json["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("status=bogus", "status")]
    [InlineData("status=1", "status")]
    [InlineData("status=%3Cscript%3E", "status")]
    public async Task List_BadStatusFilter_Answers400NamingIt(string query, string field)
    {
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync($"/api/escalations?{query}");

        EscalationSteps.AssertInvalid(response, field);
    }

    [Theory]
    [InlineData("stage=abc", "stage")]
    [InlineData("stage=99999999999", "stage")]
    [InlineData("agencyId=not-a-guid", "agencyId")]
    [InlineData("overdue=maybe", "overdue")]
    public async Task List_FilterOfTheWrongType_Answers400ProblemNamingIt(string query, string field)
    {
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync($"/api/escalations?{query}");

        EscalationSteps.AssertInvalid(response, field);
    }

    [Theory]
    [InlineData("/api/escalations?stage=abc")]
    [InlineData("/api/escalations?stage=99999999999")]
    [InlineData("/api/escalations?agencyId=not-a-guid")]
    [InlineData("/api/escalations?overdue=maybe")]
    [InlineData("/api/policies/professional-differences/diagram?version=abc")]
    public async Task Get_QueryOfTheWrongType_IsAtLeastA400ProblemNot500(string path)
    {
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync(path);

        EscalationSteps.AssertProblem(response, System.Net.HttpStatusCode.BadRequest);
    }
}
