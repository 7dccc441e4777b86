using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Auth;

/// <summary>Five wrong passwords lock the account: the right one is then refused too, with the lockout message.</summary>
public sealed class LockoutTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Login_FiveWrongPasswordsThenTheRightOne_Answers401Locked()
    {
        var people = await host.PeopleAsync();
        var email = people[Who.Chair].Email;
        using var anonymous = host.Anonymous();

        var wrong = new List<ApiResponse>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add(await anonymous.PostAsync("/api/auth/login", Bodies.Login(email, $"wrong password number {i}")));
        }

        var right = await anonymous.PostAsync("/api/auth/login", Bodies.Login(email, ApiHost.Password));

        Assert.All(wrong.Take(4), r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
        Assert.DoesNotContain("locked", wrong[0].Json["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        EscalationSteps.AssertProblem(right, HttpStatusCode.Unauthorized);
        Assert.Contains("locked", right.Json["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("accessToken", right.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnknownEmailAndWrongPassword_GiveTheSameAnswer()
    {
        var people = await host.PeopleAsync();
        using var anonymous = host.Anonymous();

        var unknown = await anonymous.PostAsync("/api/auth/login", Bodies.Login("nobody@example.org", "some password or other"));
        var wrong = await anonymous.PostAsync("/api/auth/login", Bodies.Login(people[Who.BoardOfficer].Email, "some password or other"));

        EscalationSteps.AssertProblem(unknown, HttpStatusCode.Unauthorized);
        EscalationSteps.AssertProblem(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(unknown.Json["detail"]!.ToJsonString(), wrong.Json["detail"]!.ToJsonString());
    }
}
