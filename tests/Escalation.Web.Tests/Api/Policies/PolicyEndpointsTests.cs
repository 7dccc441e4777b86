using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Policies;

/// <summary>The policy endpoints, and the OpenAPI document that lists every endpoint.</summary>
public sealed class PolicyEndpointsTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>Every API path the contract names, as OpenAPI writes them.</summary>
    public static readonly TheoryData<string> ContractPaths =
    [
        "/api/auth/login", "/api/auth/invitations/accept", "/api/agencies", "/api/people", "/api/escalations",
        "/api/escalations/{id}", "/api/escalations/{id}/responses", "/api/escalations/{id}/escalate", "/api/escalations/{id}/resolve",
        "/api/escalations/{id}/withdraw", "/api/escalations/{id}/outcome-statement", "/api/policies", "/api/policies/{id}/diagram",
    ];

    [Fact]
    public async Task GetPolicies_ListsTheDefaultPolicyWithItsIdAndVersion()
    {
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync("/api/policies");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        var policy = Assert.Single(response.Json.AsArray(), p => p!["id"]!.GetValue<string>() == "professional-differences")!;
        Assert.Equal(1, policy["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetDiagram_AnswersAMermaidFlowchartOfTheStages()
    {
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync("/api/policies/professional-differences/diagram");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.StartsWith("flowchart", response.Body, StringComparison.Ordinal);
        Assert.Contains("escalate", response.Body, StringComparison.Ordinal);
        Assert.Contains("Safeguarding partnership", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDiagram_UnknownPolicy_Answers404Problem()
    {
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync("/api/policies/no-such-policy/diagram");

        EscalationSteps.AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ContractPaths))]
    public async Task OpenApi_ListsTheEndpoint(string path)
    {
        using var anonymous = host.Anonymous();

        var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        // A group's "/" route is written with a trailing slash ("/api/agencies/"); both forms reach the endpoint.
        var paths = response.Json["paths"]!.AsObject().Select(p => p.Key.TrimEnd('/')).ToList();
        Assert.Contains(path, paths);
    }
}
