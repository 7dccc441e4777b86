using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Auth;

/// <summary>An invitation link works once, and not after it expires; a weak password does not use it up. This class moves its clock on.</summary>
public sealed class InvitationTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string GoodPassword = "a long enough passphrase";

    [Fact]
    public async Task Accept_TheSameLinkTwice_SecondIsRefusedNamingToken()
    {
        var (email, token) = await InviteAsync("twice@example.org");
        using var anonymous = host.Anonymous();

        var first = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, GoodPassword));
        var second = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, "another long passphrase"));

        Assert.True(first.Status == HttpStatusCode.NoContent, first.Describe());
        EscalationSteps.AssertInvalid(second, "token");
        Assert.False(string.IsNullOrEmpty(await host.LoginAsync(email, GoodPassword)));
    }

    [Fact]
    public async Task Accept_AfterTheLinkExpires_IsRefusedNamingToken()
    {
        var (email, token) = await InviteAsync("late@example.org");
        using var anonymous = host.Anonymous();

        host.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)); // Escalation:Invitations:Lifetime defaults to 7 days
        var late = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, GoodPassword));
        var login = await anonymous.PostAsync("/api/auth/login", Bodies.Login(email, GoodPassword));

        EscalationSteps.AssertInvalid(late, "token");
        EscalationSteps.AssertProblem(login, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Accept_JustBeforeTheLinkExpires_Works()
    {
        var (_, token) = await InviteAsync("just.in.time@example.org");
        using var anonymous = host.Anonymous();

        host.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var accepted = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, GoodPassword));

        Assert.True(accepted.Status == HttpStatusCode.NoContent, accepted.Describe());
    }

    [Fact]
    public async Task Accept_WeakPassword_IsRefusedNamingPasswordAndTheLinkStillWorks()
    {
        var (email, token) = await InviteAsync("weak@example.org");
        using var anonymous = host.Anonymous();

        var weak = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, "eleven char"));
        var good = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, GoodPassword));

        EscalationSteps.AssertInvalid(weak, "password");
        Assert.True(good.Status == HttpStatusCode.NoContent, good.Describe());
        Assert.False(string.IsNullOrEmpty(await host.LoginAsync(email, GoodPassword)));
    }

    [Fact]
    public async Task Accept_ATokenThatWasNeverIssued_IsRefusedNamingToken()
    {
        await host.PeopleAsync();
        using var anonymous = host.Anonymous();

        var response = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept("bm90LWEtcmVhbC10b2tlbg", GoodPassword));

        EscalationSteps.AssertInvalid(response, "token");
    }

    [Fact]
    public async Task InvitationMail_CarriesTheTokenNotTheHashThatIsStored()
    {
        var (_, token) = await InviteAsync("stored@example.org");

        var hashes = await host.InDbAsync(db => Task.FromResult(db.Invitations.Select(i => i.TokenHash).ToList()));

        Assert.DoesNotContain(token, hashes);
    }

    private async Task<(string Email, string Token)> InviteAsync(string email)
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        var created = await admin.PostAsync("/api/people", Bodies.Person(email, people.SchoolId));
        Assert.True(created.Status == HttpStatusCode.Created, created.Describe());
        var mail = Assert.Single(await host.OutboxForAsync(email, "invitation"));
        return (email, JsonNode.Parse(mail.Payload!)!["token"]!.GetValue<string>());
    }
}
