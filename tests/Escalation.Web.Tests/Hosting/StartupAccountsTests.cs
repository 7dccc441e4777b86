using Escalation.Data;
using Escalation.Web.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Hosting;

/// <summary>A restart with the same administrator password leaves the account alone.</summary>
public sealed class StartupAccountsTests
{
    private const string Email = "root@example.org";

    [Fact]
    public async Task Restart_WithTheSamePassword_DoesNotRehashItOrChangeTheSecurityStamp()
    {
        using var first = new ConfiguredHost("unchanged admin password");
        await first.LoginAsync(Email, "unchanged admin password");
        var before = await AdministratorAsync(first);

        using var second = new ConfiguredHost("unchanged admin password", first.DatabasePath);
        await second.LoginAsync(Email, "unchanged admin password");
        var after = await AdministratorAsync(second);

        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
    }

    private static async Task<(string? PasswordHash, string? SecurityStamp)> AdministratorAsync(ApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Email);
        return (admin.PasswordHash, admin.SecurityStamp);
    }

    private sealed class ConfiguredHost(string password, string? databasePath = null) : ApiHost(
        new Dictionary<string, string?> { ["Escalation:Admin:Email"] = Email, ["Escalation:Admin:Password"] = password }, databasePath);
}
