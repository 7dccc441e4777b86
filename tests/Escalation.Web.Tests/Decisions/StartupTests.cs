using Escalation.Core.Policies;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace Escalation.Web.Tests.Decisions;

/// <summary>A decision guide that is not valid stops start-up, naming the file and the field.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly DirectoryInfo _workflows = Directory.CreateTempSubdirectory("escalation-guides-");

    public StartupTests()
    {
        foreach (var file in Directory.GetFiles(RepoWorkflows()))
        {
            File.Copy(file, Path.Combine(_workflows.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _workflows.Delete(recursive: true);

    [Fact]
    public void Startup_WithAGapBetweenAgeBands_FailsNamingTheFileAndField()
    {
        var guide = Path.Combine(_workflows.FullName, "sexual-activity.json");
        File.WriteAllText(guide, File.ReadAllText(guide).Replace("\"fromAge\": 13", "\"fromAge\": 14", StringComparison.Ordinal));
        using var host = new HostWithWorkflows(_workflows.FullName);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var fault = Assert.IsType<PolicyValidationException>(Innermost(error));
        Assert.Equal("sexual-activity.json", fault.File);
        Assert.Equal("$.ageBands[1].fromAge", fault.JsonPath);
    }

    [Fact]
    public void Startup_WithoutTheGuide_FailsSayingSo()
    {
        File.Delete(Path.Combine(_workflows.FullName, "sexual-activity.json"));
        using var host = new HostWithWorkflows(_workflows.FullName);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(Chain(error), e => e.Message.Contains("no 'sexual-activity' decision guide", StringComparison.Ordinal));
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

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
            yield return e;
    }

    private static Exception Innermost(Exception error) => Chain(error).FirstOrDefault(e => e is PolicyValidationException) ?? error;

    private sealed class HostWithWorkflows(string workflows) : EscalationAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Escalation:Workflows:Path", workflows);
        }
    }
}
