using System.Diagnostics;

namespace Escalation.Benchmarks;

/// <summary>A <c>dotnet</c> command run to its end: publishing an app, or one phase of the load process.</summary>
internal static class DotnetCommand
{
    /// <summary>Runs <c>dotnet ARGS</c> and returns what it printed; a non-zero exit code throws, with both streams.</summary>
    public static async Task<string> RunAsync(string what, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{what} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed ({process.ExitCode}):\n{await output}{await errors}");
        return await output;
    }
}
