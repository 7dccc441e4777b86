using System.Net;
using Escalation.Web.Tests.Api.Support;

namespace Escalation.Web.Tests.Api.Auth;

/// <summary><c>Escalation:Admin:Email</c> and <c>Password</c> create the first administrator at start-up, and refresh the password on a restart.</summary>
public sealed class AdminBootstrapTests
{
    private const string Email = "root@example.org";

    [Fact]
    public async Task Startup_WithAdminSettings_CreatesAnAdministratorWhoCanSignInAndManageTheDirectory()
    {
        using var host = new ConfiguredHost("first admin password");

        var token = await host.LoginAsync(Email, "first admin password");
        using var admin = new ApiClient(host.CreateClient(), token);
        var created = await admin.PostAsync("/api/agencies", Bodies.Agency("Westshire Housing"));

        Assert.True(created.Status == HttpStatusCode.Created, created.Describe());
    }

    [Fact]
    public async Task Restart_WithAnotherPassword_RefreshesIt()
    {
        using var first = new ConfiguredHost("first admin password");
        await first.LoginAsync(Email, "first admin password");

        using var second = new ConfiguredHost("second admin password", first.DatabasePath);
        using var anonymous = second.Anonymous();
        var old = await anonymous.PostAsync("/api/auth/login", Bodies.Login(Email, "first admin password"));
        var token = await second.LoginAsync(Email, "second admin password");
        using var admin = new ApiClient(second.CreateClient(), token);
        var people = await admin.GetAsync("/api/people");

        EscalationSteps.AssertProblem(old, HttpStatusCode.Unauthorized);
        Assert.True(people.Status == HttpStatusCode.OK, people.Describe());
        var administrators = people.Json.AsArray().Where(p => p!["email"]!.GetValue<string>() == Email).ToList();
        Assert.Single(administrators);
        Assert.Contains("Admin", administrators[0]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    private sealed class ConfiguredHost(string password, string? databasePath = null) : ApiHost(
        new Dictionary<string, string?> { ["Escalation:Admin:Email"] = Email, ["Escalation:Admin:Password"] = password }, databasePath);
}
