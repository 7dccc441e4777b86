using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Auth;

/// <summary>
/// More than 20 sign-in attempts a minute from one address answer 429. The test server gives no remote address, so
/// this checks that callers without one still share a limit rather than escaping it.
/// </summary>
public sealed class LoginRateLimitTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Login_MoreThan20AttemptsInAMinute_Answers429Problem()
    {
        using var anonymous = host.Anonymous();

        var responses = new List<ApiResponse>();
        for (var i = 0; i < 25; i++)
        {
            responses.Add(await anonymous.PostAsync("/api/auth/login", Bodies.Login($"guess{i}@example.org", "a guessed password")));
        }

        Assert.All(responses.Take(20), r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
        Assert.All(responses.Skip(20), r => EscalationSteps.AssertProblem(r, HttpStatusCode.TooManyRequests));
        var accept = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept("some-token", "a long enough passphrase"));
        EscalationSteps.AssertProblem(accept, HttpStatusCode.TooManyRequests);
    }
}
