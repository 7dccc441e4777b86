using Escalation.Data;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Escalation.Web.Tests.Hosting;

/// <summary>
/// A newcomer's first start (contract, "Version 2 > Pages"): in Development an empty database gets the demo partnership
/// and the log names an account to sign in with; in Production, while there is no administrator, the sign-in page and
/// the log say how to create one.
/// </summary>
public sealed class FirstRunTests
{
    private const string DemoAccount = "practitioner1@riverside.example.org";

    [Fact]
    public async Task Development_EmptyDatabase_SeedsTheDemoAndLogsAnAccountToSignInWith()
    {
        using var host = new FirstRunHost("Development");
        using var client = host.CreateClient();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        Assert.True(await db.Users.AnyAsync(u => u.Email == DemoAccount));
        Assert.Contains(host.Lines, line => line.Contains($"sign in as {DemoAccount} with the password demo-password-2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_SeedNone_LeavesTheDatabaseEmpty()
    {
        using var host = new FirstRunHost("Development", ("Escalation:Seed", "none"));
        using var client = host.CreateClient();

        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().Agencies.AnyAsync());
    }

    [Fact]
    public async Task Production_NoAdministrator_SignInPageAndLogSayHowToCreateOne()
    {
        using var host = new FirstRunHost("Production");
        using var client = host.CreateClient();

        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));

        Assert.Contains("this service has no administrator", page, StringComparison.Ordinal);
        Assert.Contains("--Escalation:Admin:Email=you@council.example", page, StringComparison.Ordinal);
        Assert.Contains(host.Lines, line => line.Contains("no administrator yet", StringComparison.Ordinal)
            && line.Contains("--Escalation:Admin:Email=", StringComparison.Ordinal));
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().Agencies.AnyAsync());
    }

    [Fact]
    public async Task Production_WithAnAdministrator_SignInPageHasNoSetUpNotice()
    {
        using var host = new FirstRunHost("Production",
            ("Escalation:Admin:Email", "root@example.org"), ("Escalation:Admin:Password", "a long enough admin password"));
        using var client = host.CreateClient();

        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));

        Assert.DoesNotContain("no administrator", page, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Lines, line => line.Contains("no administrator yet", StringComparison.Ordinal));
    }

    /// <summary>A host as a newcomer starts it: no seed setting unless given, in the named environment.</summary>
    private sealed class FirstRunHost(string environment, params (string Key, string Value)[] settings) : EscalationAppFactory
    {
        private readonly CapturingProvider _provider = new();

        public IReadOnlyCollection<string> Lines => _provider.Lines;

        protected override bool SeedsAsDevelopmentDoes => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.AddProvider(_provider).AddFilter<CapturingProvider>(null, LogLevel.Information));
        }
    }
}
