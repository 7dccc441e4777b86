using System.Runtime.InteropServices;

namespace Escalation.Benchmarks;

/// <summary>
/// Which builds of the service and the bare app a benchmark starts: by default the build output (what the smoke tests
/// use), with <c>--published</c> both apps published as the README says to deploy them: Release, framework-dependent,
/// ReadyToRun (precompiled, so start-up does not wait for the JIT). The full run (<c>all</c>) uses the published apps.
/// </summary>
internal static class PublishedApps
{
    public const string Flag = "--published";

    // Published once per run: the HTTP and footprint benchmarks start the same builds.
    private static readonly Lazy<Task<(string Web, string Bare)>> Published = new(async () =>
        (await PublishAsync("src/Escalation.Web/Escalation.Web.csproj", "web", "Escalation.Web.dll"),
            await PublishAsync("tests/Escalation.Benchmarks.Bare/Escalation.Benchmarks.Bare.csproj", "bare", "Escalation.Benchmarks.Bare.dll")));

    public static async Task<(string Web, string Bare)> ChooseAsync(Args options) =>
        options.Has(Flag) ? await Published.Value : (Paths.WebDll, Paths.BareDll);

    private static async Task<string> PublishAsync(string project, string name, string dll)
    {
        var output = Path.Combine(AppContext.BaseDirectory, "published", name);
        Console.WriteLine($"publishing {project} (ReadyToRun) to {output}");
        await DotnetCommand.RunAsync($"dotnet publish {project}",
        [
            "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-v", "quiet",
        ], Paths.RepositoryRoot);
        return Path.Combine(output, dll);
    }
}
