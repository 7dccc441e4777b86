using System.Diagnostics;
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
    private static readonly Lazy<(string Web, string Bare)> Published = new(() =>
        (Publish("src/Escalation.Web/Escalation.Web.csproj", "web", "Escalation.Web.dll"),
            Publish("tests/Escalation.Benchmarks.Bare/Escalation.Benchmarks.Bare.csproj", "bare", "Escalation.Benchmarks.Bare.dll")));

    public static (string Web, string Bare) Choose(Args options) => options.Has(Flag) ? Published.Value : (Paths.WebDll, Paths.BareDll);

    private static string Publish(string project, string name, string dll)
    {
        var output = Path.Combine(AppContext.BaseDirectory, "published", name);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Paths.RepositoryRoot, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
                     "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-v", "quiet",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        Console.WriteLine($"publishing {project} (ReadyToRun) to {output}");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish {project} failed ({process.ExitCode}):\n{stdout.Result}{stderr.Result}");
        return Path.Combine(output, dll);
    }
}
