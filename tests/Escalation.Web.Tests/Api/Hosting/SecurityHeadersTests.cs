using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Hosting;

/// <summary>The security headers, on API answers of each kind and on the health endpoint.</summary>
public sealed class SecurityHeadersTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task ApiResponse_CarriesCspNosniffAndReferrerPolicy()
    {
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync("/api/policies");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        AssertHardened(response);
    }

    [Fact]
    public async Task HealthLive_CarriesCspNosniffAndReferrerPolicy()
    {
        using var anonymous = host.Anonymous();

        var response = await anonymous.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        AssertHardened(response);
    }

    [Fact]
    public async Task ProblemResponses_CarryTheHeadersToo()
    {
        using var anonymous = host.Anonymous();
        using var teacher = await host.SignInAsync(Who.Teacher);

        AssertHardened(await anonymous.GetAsync("/api/escalations"));
        AssertHardened(await teacher.GetAsync($"/api/escalations/{Guid.NewGuid()}"));
        AssertHardened(await teacher.PostRawAsync("/api/escalations", "{"));
    }

    [Fact]
    public async Task OutcomeStatement_HasItsOwnStrictCspThatStillForbidsFraming()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        await teacher.ResolveAsync(id);

        var response = await teacher.GetAsync($"/api/escalations/{id}/outcome-statement");

        AssertHardened(response);
        Assert.Contains("default-src 'none'", response.Header("Content-Security-Policy"), StringComparison.Ordinal);
    }

    private static void AssertHardened(ApiResponse response)
    {
        var csp = response.Header("Content-Security-Policy");
        Assert.True(csp is not null, $"No Content-Security-Policy on {response.Describe()}");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.False(string.IsNullOrEmpty(response.Header("Referrer-Policy")), "No Referrer-Policy");
    }
}
