using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Directory;

/// <summary>Contract additions: changing a person, deactivating and reactivating them, and sending a new invitation.</summary>
public sealed class PersonAdministrationTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string GoodPassword = "a long enough passphrase";

    [Fact]
    public async Task Put_ValidChange_Answers200WithThePersonChanged()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        var id = await AddAsync(admin, "changed@example.org", people.SchoolId);
        var body = Bodies.Person("changed.again@example.org", people.SchoolId, "Manager");
        body["name"] = "Nia Changed";

        var response = await admin.PutAsync($"/api/people/{id}", body);

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal("Nia Changed", response.Json["name"]!.GetValue<string>());
        Assert.Equal("changed.again@example.org", response.Json["email"]!.GetValue<string>());
        Assert.Equal(["Manager"], response.Json["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(response.Json["deactivated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Put_EmailOfSomeoneElse_Answers400NamingEmail()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        var id = await AddAsync(admin, "clash@example.org", people.SchoolId);

        var response = await admin.PutAsync($"/api/people/{id}", Bodies.Person(people[Who.Teacher].Email, people.SchoolId));

        EscalationSteps.AssertInvalid(response, "email");
    }

    [Fact]
    public async Task Put_OwnManager_Answers400NamingManagerId()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        var id = await AddAsync(admin, "self.managed@example.org", people.SchoolId);

        var response = await admin.PutAsync($"/api/people/{id}", Bodies.Person("self.managed@example.org", people.SchoolId, managerId: id));

        EscalationSteps.AssertInvalid(response, "managerId");
    }

    [Fact]
    public async Task Put_UnknownPerson_Answers404()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);

        var response = await admin.PutAsync($"/api/people/{Guid.NewGuid()}", Bodies.Person("nobody@example.org", people.SchoolId));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task Deactivate_SignedInPerson_TokenStopsWorkingAndSignInReadsAsAWrongPassword()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        var (id, email) = await AddWithPasswordAsync(admin, "leaver@example.org", people.SchoolId);
        var token = await host.LoginAsync(email, GoodPassword);
        using var leaver = host.WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/agencies")).Status);

        var deactivated = await admin.PostAsync($"/api/people/{id}/deactivate", null);
        var afterwards = await leaver.GetAsync("/api/agencies");
        using var anonymous = host.Anonymous();
        var login = await anonymous.PostAsync("/api/auth/login", Bodies.Login(email, GoodPassword));
        var wrong = await anonymous.PostAsync("/api/auth/login", Bodies.Login(people[Who.Teacher].Email, "not the password at all"));

        Assert.True(deactivated.Status == HttpStatusCode.OK, deactivated.Describe());
        Assert.True(deactivated.Json["person"]!["deactivated"]!.GetValue<bool>());
        // The token is refused; the API answers 403 (the claims transformation empties the principal after the token
        // itself was read), not yet 401.
        Assert.Contains(afterwards.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.Unauthorized, login.Status);
        Assert.Equal(wrong.Json["detail"]!.GetValue<string>(), login.Json["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reactivate_DeactivatedPerson_CanSignInAgainAndIsListedActive()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        var (id, email) = await AddWithPasswordAsync(admin, "returner@example.org", people.SchoolId);
        await admin.PostAsync($"/api/people/{id}/deactivate", null);
        var listedWhileAway = Listed(await admin.GetAsync("/api/people"), id);

        var reactivated = await admin.PostAsync($"/api/people/{id}/reactivate", null);

        Assert.True(listedWhileAway["deactivated"]!.GetValue<bool>());
        Assert.True(reactivated.Status == HttpStatusCode.OK, reactivated.Describe());
        Assert.False(reactivated.Json["deactivated"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(await host.LoginAsync(email, GoodPassword)));
    }

    [Fact]
    public async Task Deactivate_Themselves_Answers409()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);

        var response = await admin.PostAsync($"/api/people/{people[Who.Admin].Id}/deactivate", null);

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
    }

    [Fact]
    public async Task Invitation_Resent_NewLinkWorksAndTheOldOneDoesNot()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        var id = await AddAsync(admin, "resent@example.org", people.SchoolId);
        var first = await TokenAsync("resent@example.org", 0);
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var resent = await admin.PostAsync($"/api/people/{id}/invitation", null);
        var second = await TokenAsync("resent@example.org", 1);
        using var anonymous = host.Anonymous();
        var old = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(first, GoodPassword));
        var current = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(second, GoodPassword));

        Assert.Equal(HttpStatusCode.NoContent, resent.Status);
        EscalationSteps.AssertInvalid(old, "token");
        Assert.True(current.Status == HttpStatusCode.NoContent, current.Describe());
    }

    [Fact]
    public async Task Invitation_ForSomeoneWithAPassword_Answers409()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);

        var response = await admin.PostAsync($"/api/people/{people[Who.Teacher].Id}/invitation", null);

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
    }

    private static JsonNode Listed(ApiResponse list, Guid id) => Assert.Single(list.Json.AsArray(), p => p!["id"]!.GetValue<Guid>() == id)!;

    private static async Task<Guid> AddAsync(ApiClient admin, string email, Guid agencyId)
    {
        var created = await admin.PostAsync("/api/people", Bodies.Person(email, agencyId));
        Assert.True(created.Status == HttpStatusCode.Created, created.Describe());
        return created.Json["id"]!.GetValue<Guid>();
    }

    private async Task<(Guid Id, string Email)> AddWithPasswordAsync(ApiClient admin, string email, Guid agencyId)
    {
        var id = await AddAsync(admin, email, agencyId);
        using var anonymous = host.Anonymous();
        var accepted = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(await TokenAsync(email, 0), GoodPassword));
        Assert.True(accepted.Status == HttpStatusCode.NoContent, accepted.Describe());
        return (id, email);
    }

    private async Task<string> TokenAsync(string email, int index)
    {
        var mails = (await host.OutboxForAsync(email, "invitation")).OrderBy(m => m.CreatedAt).ToList();
        return JsonNode.Parse(mails[index].Payload!)!["token"]!.GetValue<string>();
    }
}
