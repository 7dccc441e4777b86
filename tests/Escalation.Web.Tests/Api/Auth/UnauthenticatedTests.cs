using System.Net;
using System.Net.Http.Headers;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Auth;

/// <summary>Every <c>/api</c> endpoint but sign-in refuses a caller with no token and no cookie, or with a bad token.</summary>
public sealed partial class UnauthenticatedTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string Some = Guid.NewGuid().ToString();

    public static readonly TheoryData<string, string> Endpoints = new()
    {
        { "GET", "/api/agencies" },
        { "POST", "/api/agencies" },
        { "GET", "/api/people" },
        { "GET", "/api/people?role=Practitioner" },
        { "POST", "/api/people" },
        { "GET", "/api/escalations" },
        { "POST", "/api/escalations" },
        { "GET", $"/api/escalations/{Some}" },
        { "POST", $"/api/escalations/{Some}/responses" },
        { "POST", $"/api/escalations/{Some}/escalate" },
        { "POST", $"/api/escalations/{Some}/resolve" },
        { "POST", $"/api/escalations/{Some}/withdraw" },
        { "GET", $"/api/escalations/{Some}/outcome-statement" },
        { "GET", "/api/policies" },
        { "GET", "/api/policies/professional-differences/diagram" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NoTokenNoCookie_Answers401(string method, string path)
    {
        using var anonymous = host.Anonymous();

        var response = await Send(anonymous, method, path);

        Assert.True(response.Status == HttpStatusCode.Unauthorized, response.Describe());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ForgedBearerToken_Answers401(string method, string path)
    {
        using var anonymous = host.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token-the-service-issued");
        if (method == "POST")
            request.Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json"));

        var response = await anonymous.SendAsync(request);

        Assert.True(response.Status == HttpStatusCode.Unauthorized, response.Describe());
    }

    /// <summary>Every operation the OpenAPI document lists under <c>/api</c>, so endpoints added later are covered too.</summary>
    [Fact]
    public async Task EveryApiOperationInTheOpenApiDocument_NoTokenNoCookie_Answers401()
    {
        using var anonymous = host.Anonymous();
        var document = (await anonymous.GetAsync("/openapi/v1.json")).Json;
        var refused = new List<string>();
        var checkedCount = 0;

        foreach (var (template, operations) in document["paths"]!.AsObject())
        {
            // Signing in and accepting an invitation are the only anonymous API calls.
            if (!template.StartsWith("/api/", StringComparison.Ordinal) || template.StartsWith("/api/auth/", StringComparison.Ordinal))
                continue;
            var path = PathParameter().Replace(template, Guid.NewGuid().ToString());
            foreach (var (method, _) in operations!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "patch" or "delete"))
                    continue;
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(path, UriKind.Relative));
                if (method != "get")
                    request.Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json"));
                var response = await anonymous.SendAsync(request);
                checkedCount++;
                if (response.Status != HttpStatusCode.Unauthorized)
                    refused.Add($"{method.ToUpperInvariant()} {template}: {response.Describe()}");
            }
        }

        Assert.True(checkedCount >= Endpoints.Count, $"Only {checkedCount} API operations in the OpenAPI document");
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Unauthenticated_BodyLeaksNothingAndIsNotARedirect()
    {
        using var anonymous = host.Anonymous();

        var response = await anonymous.GetAsync("/api/escalations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Null(response.Header("Location"));
    }

    [Fact]
    public async Task TokenExpiredOnTheServiceClock_Answers401()
    {
        using var teacher = await host.SignInAsync(Who.Teacher);
        var fresh = await teacher.GetAsync("/api/policies");

        host.Clock.Advance(TimeSpan.FromHours(9)); // bearer tokens last 8 hours
        var expired = await teacher.GetAsync("/api/policies");

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\{[^}]+\\}")]
    private static partial System.Text.RegularExpressions.Regex PathParameter();

    private static Task<ApiResponse> Send(ApiClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : client.PostRawAsync(path, "{}");
}
