using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Api.Support;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Escalation.Web.Tests.Api.Hosting;

/// <summary>With every log category at Trace, no password, invitation token or access token reaches the logs.</summary>
public sealed class SecretsNotLoggedTests : IDisposable
{
    private readonly LoggingHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SignInAndInvitation_AtTraceLevel_LogNoSecret()
    {
        var people = await _host.PeopleAsync();
        using var anonymous = _host.Anonymous();
        var adminToken = await _host.LoginAsync(people[Who.Admin].Email, ApiHost.Password);
        using var admin = new ApiClient(_host.CreateClient(), adminToken);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/people", Bodies.Person("logged@example.org", people.SchoolId))).Status);
        var invitation = Assert.Single(await _host.OutboxForAsync("logged@example.org", "invitation"));
        var invitationToken = JsonNode.Parse(invitation.Payload!)!["token"]!.GetValue<string>();
        const string newPassword = "a passphrase nobody should log";

        await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(invitationToken, "short"));
        await anonymous.PostAsync("/api/auth/invitations/accept", Bodies.Accept(invitationToken, newPassword));
        var userToken = await _host.LoginAsync("logged@example.org", newPassword);
        await anonymous.PostAsync("/api/auth/login", Bodies.Login(people[Who.Teacher].Email, "a wrong guess at the password"));

        Assert.NotEmpty(_host.Lines);
        foreach (var secret in new[] { ApiHost.Password, adminToken, invitationToken, newPassword, userToken, "a wrong guess at the password" })
        {
            Assert.DoesNotContain(_host.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class LoggingHost : ApiHost
    {
        private readonly CapturingProvider _provider = new();

        public IReadOnlyCollection<string> Lines => _provider.Lines;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(_provider).AddFilter<CapturingProvider>(null, LogLevel.Trace));
        }
    }
}
