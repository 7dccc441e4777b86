using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Directory;

/// <summary>Bad input to the directory and to sign-in: 400 problems naming the field, never 500, nothing stored.</summary>
public sealed class DirectoryBadInputTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly Dictionary<string, (string Path, Func<ApiPartnership, string> Body, string? Field)> Cases = new()
    {
        ["agency: malformed JSON"] = ("/api/agencies", _ => "{\"name\":\"Housing", null),
        ["agency: JSON array"] = ("/api/agencies", _ => "[]", "body"),
        ["agency: kind Spaceship"] = ("/api/agencies", _ => Bodies.Agency("Spaceship Agency", "Spaceship").ToJsonString(), "kind"),
        ["agency: kind as number"] = ("/api/agencies", _ => Bodies.Agency("Numbered Agency").With("kind", 3).ToJsonString(), "kind"),
        ["agency: kind as digits"] = ("/api/agencies", _ => Bodies.Agency("Digit Agency", "3").ToJsonString(), "kind"),
        ["agency: kind in lower case"] = ("/api/agencies", _ => Bodies.Agency("Lower Agency", "housing").ToJsonString(), "kind"),
        ["agency: kind missing"] = ("/api/agencies", _ => Bodies.Agency("Kindless Agency").Without("kind").ToJsonString(), "kind"),
        ["agency: name missing"] = ("/api/agencies", _ => Bodies.Agency("x").Without("name").ToJsonString(), "name"),
        ["agency: name blank"] = ("/api/agencies", _ => Bodies.Agency("   ").ToJsonString(), "name"),
        ["agency: name 1 MB"] = ("/api/agencies", _ => Bodies.Agency(Bodies.Megabyte).ToJsonString(), "name"),
        ["agency: name as object"] = ("/api/agencies", _ => Bodies.Agency("x").With("name", new JsonObject()).ToJsonString(), "name"),
        ["agency: name taken"] = ("/api/agencies", _ => Bodies.Agency("Riverside Primary School", "School").ToJsonString(), "name"),
        ["person: malformed JSON"] = ("/api/people", _ => "{\"name\":", null),
        ["person: role King"] = ("/api/people", p => Bodies.Person("king@example.org", p.SchoolId, "King").ToJsonString(), "roles"),
        ["person: role in lower case"] = ("/api/people", p => Bodies.Person("lower@example.org", p.SchoolId, "practitioner").ToJsonString(), "roles"),
        ["person: roles empty"] = ("/api/people", p => Bodies.Person("empty@example.org", p.SchoolId).With("roles", new JsonArray()).ToJsonString(), "roles"),
        ["person: roles as string"] = ("/api/people", p => Bodies.Person("string@example.org", p.SchoolId).With("roles", "Practitioner").ToJsonString(), "roles"),
        ["person: roles holding null"] = ("/api/people", p => Bodies.Person("null@example.org", p.SchoolId).With("roles", new JsonArray((JsonNode?)null)).ToJsonString(), "roles"),
        ["person: roles missing"] = ("/api/people", p => Bodies.Person("noroles@example.org", p.SchoolId).Without("roles").ToJsonString(), "roles"),
        ["person: email not an address"] = ("/api/people", p => Bodies.Person("not-an-email", p.SchoolId).ToJsonString(), "email"),
        ["person: email with display name"] = ("/api/people", p => Bodies.Person("Nia <nia@example.org>", p.SchoolId).ToJsonString(), "email"),
        ["person: email taken"] = ("/api/people", p => Bodies.Person(p[Who.Teacher].Email, p.SchoolId).ToJsonString(), "email"),
        ["person: email taken in capitals"] = ("/api/people", p => Bodies.Person(p[Who.Teacher].Email.ToUpperInvariant(), p.SchoolId).ToJsonString(), "email"),
        ["person: email 1 MB"] = ("/api/people", p => Bodies.Person(Bodies.Megabyte + "@example.org", p.SchoolId).ToJsonString(), "email"),
        ["person: name 1 MB"] = ("/api/people", p => Bodies.Person("big@example.org", p.SchoolId).With("name", Bodies.Megabyte).ToJsonString(), "name"),
        ["person: name missing"] = ("/api/people", p => Bodies.Person("noname@example.org", p.SchoolId).Without("name").ToJsonString(), "name"),
        ["person: agencyId unknown"] = ("/api/people", _ => Bodies.Person("lost@example.org", Guid.NewGuid()).ToJsonString(), "agencyId"),
        ["person: agencyId not a guid"] = ("/api/people", p => Bodies.Person("x@example.org", p.SchoolId).With("agencyId", "school").ToJsonString(), "agencyId"),
        ["person: agencyId missing"] = ("/api/people", p => Bodies.Person("y@example.org", p.SchoolId).Without("agencyId").ToJsonString(), "agencyId"),
        ["person: managerId unknown"] = ("/api/people", p => Bodies.Person("z@example.org", p.SchoolId, managerId: Guid.NewGuid()).ToJsonString(), "managerId"),
        ["person: script as role"] = ("/api/people", p => Bodies.Person("s@example.org", p.SchoolId, "<script>alert(1)</script>").ToJsonString(), "roles"),
        ["login: malformed JSON"] = ("/api/auth/login", _ => "{\"email\":", null),
        ["login: email missing"] = ("/api/auth/login", _ => "{\"password\":\"whatever-it-is\"}", "email"),
        ["login: password missing"] = ("/api/auth/login", _ => "{\"email\":\"teacher@example.org\"}", "password"),
        ["login: password as number"] = ("/api/auth/login", _ => "{\"email\":\"teacher@example.org\",\"password\":12345}", "password"),
        ["login: email 1 MB"] = ("/api/auth/login", _ => Bodies.Login(Bodies.Megabyte, "whatever-it-is").ToJsonString(), "email"),
        ["accept: token missing"] = ("/api/auth/invitations/accept", _ => "{\"password\":\"a long enough passphrase\"}", "token"),
        ["accept: token 1 MB"] = ("/api/auth/invitations/accept", _ => Bodies.Accept(Bodies.Megabyte, "a long enough passphrase").ToJsonString(), "token"),
        ["accept: unknown token"] = ("/api/auth/invitations/accept", _ => Bodies.Accept("made-up-token", "a long enough passphrase").ToJsonString(), "token"),
        ["accept: password missing"] = ("/api/auth/invitations/accept", _ => "{\"token\":\"made-up-token\"}", "password"),
        ["accept: JSON array"] = ("/api/auth/invitations/accept", _ => "[]", "body"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Post_BadInput_Answers400ProblemNamingTheFieldAndStoresNothing(string name)
    {
        var people = await host.PeopleAsync();
        var (path, body, field) = Cases[name];
        using var client = path.StartsWith("/api/auth/", StringComparison.Ordinal) ? host.Anonymous() : await host.SignInAsync(Who.Admin);
        var before = await host.CountsAsync();

        var response = await client.PostRawAsync(path, body(people));

        EscalationSteps.AssertInvalid(response, field);
        Assert.Equal(before, await host.CountsAsync());
    }

    [Theory]
    [InlineData("Police, Health")]
    [InlineData("School,Police")]
    public async Task PostAgency_KindAsACommaList_Answers400NamingKindAndStoresNothing(string kind)
    {
        using var admin = await host.SignInAsync(Who.Admin);
        var before = await host.CountsAsync();

        var response = await admin.PostAsync("/api/agencies", Bodies.Agency($"Agency of kind {kind}", kind));

        EscalationSteps.AssertInvalid(response, "kind");
        Assert.Equal(before, await host.CountsAsync());
    }

    [Theory]
    [InlineData("agencyId=not-a-guid", "agencyId")]
    public async Task GetPeople_FilterOfTheWrongType_Answers400NamingIt(string query, string field)
    {
        using var admin = await host.SignInAsync(Who.Admin);

        var response = await admin.GetAsync($"/api/people?{query}");

        EscalationSteps.AssertInvalid(response, field);
    }

    [Fact]
    public async Task GetPeople_FilterOfTheWrongType_IsAtLeastA400ProblemNot500()
    {
        using var admin = await host.SignInAsync(Who.Admin);

        var response = await admin.GetAsync("/api/people?agencyId=not-a-guid");

        EscalationSteps.AssertProblem(response, System.Net.HttpStatusCode.BadRequest);
    }
}
