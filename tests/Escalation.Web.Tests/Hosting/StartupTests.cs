using Escalation.Core.Policies;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace Escalation.Web.Tests.Hosting;

/// <summary>A definition that is not valid stops start-up, and says which file and which field.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly DirectoryInfo _workflows = Directory.CreateTempSubdirectory("escalation-workflows-");

    public StartupTests()
    {
        foreach (var file in Directory.GetFiles(RepoWorkflows()))
        {
            File.Copy(file, Path.Combine(_workflows.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _workflows.Delete(recursive: true);

    [Fact]
    public void Startup_WithAZeroDeadlineInThePolicy_FailsNamingTheFileAndField()
    {
        var policy = Path.Combine(_workflows.FullName, "professional-differences.json");
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("\"workingDays\": 10", "\"workingDays\": 0", StringComparison.Ordinal));
        using var host = new HostWithWorkflows(_workflows.FullName);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var fault = Assert.IsType<PolicyValidationException>(Innermost(error, e => e is PolicyValidationException));
        Assert.Equal("professional-differences.json", fault.File);
        Assert.Equal("$.tracks.standard[3].deadline.workingDays", fault.JsonPath);
    }

    [Fact]
    public void Startup_WithBadJsonInTheBankHolidays_FailsNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_workflows.FullName, "bank-holidays.json"), "{ \"kind\": \"bank-holidays\", ");
        using var host = new HostWithWorkflows(_workflows.FullName);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("bank-holidays.json", Innermost(error, e => e.Message.Contains("bank-holidays.json", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_WithClockStartAt_RunsOnTheShiftedClock()
    {
        using var host = new HostWithWorkflows(RepoWorkflows(), ("Escalation:Clock:StartAt", "2026-12-18T10:00:00Z"));
        host.CreateClient().Dispose();

        var clock = (TimeProvider)host.Services.GetService(typeof(TimeProvider))!;

        Assert.InRange(clock.GetUtcNow(), new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 18, 10, 5, 0, TimeSpan.Zero));
    }

    private static string RepoWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Escalation.sln")))
                return Path.Combine(dir.FullName, "workflows");
        }

        throw new InvalidOperationException("Escalation.sln not found above the test binaries.");
    }

    private static Exception Innermost(Exception error, Func<Exception, bool> match)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (match(e))
                return e;
        }

        return error;
    }

    private sealed class HostWithWorkflows(string workflows, params (string Key, string Value)[] settings) : EscalationAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Escalation:Workflows:Path", workflows);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
