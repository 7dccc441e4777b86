using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Directory;

/// <summary>The directory's normal paths: agencies, people, the invitation a new person is sent, and signing in with it.</summary>
public sealed class DirectoryEndpointsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Login_WithTheRightPassword_AnswersABearerToken()
    {
        var people = await host.PeopleAsync();
        using var anonymous = host.Anonymous();

        var response = await anonymous.PostAsync("/api/auth/login", Bodies.Login(people[Who.Teacher].Email, ApiHost.Password));

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Equal("Bearer", response.Json["tokenType"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(response.Json["accessToken"]!.GetValue<string>()));
        Assert.True(response.Json["expiresIn"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task GetAgencies_AnswersEachWithIdNameAndKind()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync("/api/agencies");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        var school = Assert.Single(response.Json.AsArray(), a => a!["id"]!.GetValue<Guid>() == people.SchoolId)!;
        Assert.Equal(["id", "kind", "name"], school.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Riverside Primary School", school["name"]!.GetValue<string>());
        Assert.Equal("School", school["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostAgency_AsAdmin_Answers201AndTheAgencyIsListed()
    {
        using var admin = await host.SignInAsync(Who.Admin);

        var created = await admin.PostAsync("/api/agencies", Bodies.Agency("Westshire Housing", "Housing"));
        var list = await admin.GetAsync("/api/agencies");

        Assert.True(created.Status == HttpStatusCode.Created, created.Describe());
        var id = created.Json["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/agencies/{id}", created.Header("Location"));
        Assert.Equal("Westshire Housing", created.Json["name"]!.GetValue<string>());
        Assert.Equal("Housing", created.Json["kind"]!.GetValue<string>());
        Assert.Contains(list.Json.AsArray(), a => a!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task GetPeople_AnswersEachWithTheContractFields()
    {
        var people = await host.PeopleAsync();
        using var manager = await host.SignInAsync(Who.TeacherManager);

        var response = await manager.GetAsync("/api/people");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        var teacher = Assert.Single(response.Json.AsArray(), p => p!["id"]!.GetValue<Guid>() == people[Who.Teacher].Id)!;
        Assert.Equal(["agencyId", "deactivated", "email", "id", "managerId", "name", "roles"], teacher.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Tess Teacher", teacher["name"]!.GetValue<string>());
        Assert.Equal(people[Who.Teacher].Email, teacher["email"]!.GetValue<string>());
        Assert.Equal(people.SchoolId, teacher["agencyId"]!.GetValue<Guid>());
        Assert.Equal(["Practitioner"], teacher["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(people[Who.TeacherManager].Id, teacher["managerId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task GetPeople_FilteredByRoleAndAgency_KeepsOnlyThosePeople()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.GetAsync($"/api/people?role=Practitioner&agencyId={people.SchoolId}");
        var managers = await teacher.GetAsync("/api/people?role=Manager");

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        Assert.Contains(response.Json.AsArray(), p => p!["id"]!.GetValue<Guid>() == people[Who.Teacher].Id);
        Assert.All(response.Json.AsArray(), p =>
        {
            Assert.Equal(people.SchoolId, p!["agencyId"]!.GetValue<Guid>());
            Assert.Contains("Practitioner", p["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        });
        Assert.Equal(
            new[] { people[Who.TeacherManager].Id, people[Who.SocialWorkerManager].Id, people[Who.PoliceManager].Id }.Order(),
            managers.Json.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).Order());
    }

    [Fact]
    public async Task PostPerson_AsAdmin_QueuesAnInvitationWhoseTokenSetsThePasswordForSignIn()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        using var anonymous = host.Anonymous();
        const string email = "nia.newcomer@example.org";

        var created = await admin.PostAsync("/api/people", Bodies.Person(email, people.SchoolId, "Practitioner", people[Who.TeacherManager].Id));
        var invitation = Assert.Single(await host.OutboxForAsync(email, "invitation"));
        var token = JsonNode.Parse(invitation.Payload!)!["token"]!.GetValue<string>();
        var accepted = await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(token, "a long enough passphrase"));
        var login = await anonymous.PostAsync("/api/auth/login", Bodies.Login(email, "a long enough passphrase"));

        Assert.True(created.Status == HttpStatusCode.Created, created.Describe());
        var id = created.Json["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/people/{id}", created.Header("Location"));
        Assert.Equal(email, created.Json["email"]!.GetValue<string>());
        Assert.Equal(["Practitioner"], created.Json["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(people[Who.TeacherManager].Id, created.Json["managerId"]!.GetValue<Guid>());
        Assert.Equal(id, invitation.RecipientPersonId);
        Assert.True(accepted.Status == HttpStatusCode.NoContent, accepted.Describe());
        Assert.True(login.Status == HttpStatusCode.OK, login.Describe());
    }

    [Fact]
    public async Task PostPerson_BeforeTheInvitationIsAccepted_CannotSignInWithAnyPassword()
    {
        var people = await host.PeopleAsync();
        using var admin = await host.SignInAsync(Who.Admin);
        using var anonymous = host.Anonymous();

        await admin.PostAsync("/api/people", Bodies.Person("not.yet@example.org", people.CscId));
        var login = await anonymous.PostAsync("/api/auth/login", Bodies.Login("not.yet@example.org", ApiHost.Password));

        EscalationSteps.AssertProblem(login, HttpStatusCode.Unauthorized);
    }
}
