using System.Net;
using System.Text.Json.Nodes;

namespace Escalation.Web.Tests.Api.Support;

/// <summary>The common steps of a test, each asserting that the API agreed.</summary>
public static class EscalationSteps
{
    public static async Task<JsonNode> RaiseAsync(this ApiClient client, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsync("/api/escalations", body);
        Assert.True(response.Status == HttpStatusCode.Created, response.Describe());
        return response.Json;
    }

    public static async Task<JsonNode> ResolveAsync(this ApiClient client, Guid id, string outcome = "decision-changed")
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve(outcome));
        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        return response.Json;
    }

    public static Guid Id(this JsonNode escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return Guid.Parse(escalation["id"]!.GetValue<string>());
    }

    public static void AssertProblem(ApiResponse response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.Status == status, $"Expected {(int)status}, got {response.Describe()}");
        Assert.Equal("application/problem+json", response.MediaType);
    }

    /// <summary>A 400 problem whose <c>errors</c> names <paramref name="field"/>, or some field when it is null.</summary>
    public static void AssertInvalid(ApiResponse response, string? field)
    {
        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True(response.ErrorFields.Count > 0, $"Expected errors to name the field at fault: {response.Describe()}");
        if (field is not null)
            Assert.True(response.ErrorFields.Contains(field), $"Expected errors to name '{field}': {response.Describe()}");
    }
}
