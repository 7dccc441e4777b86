using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Escalation.Benchmarks.Tests;

/// <summary>One run of the built benchmark program: its exit code, its output, and the rows of its figures table.</summary>
public sealed partial record BenchmarkRun(int ExitCode, string Output)
{
    private static readonly string Dll = typeof(BenchmarkRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BenchmarksDll").Value!;

    /// <summary>Runs <c>dotnet Escalation.Benchmarks.dll ARGS</c>, killing it after <paramref name="timeout"/>.</summary>
    public static async Task<BenchmarkRun> StartAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{string.Join(' ', args)} did not finish within {timeout}:\n{await output}\n{await errors}");
        }

        return new BenchmarkRun(process.ExitCode, await output + await errors);
    }

    /// <summary>The table rows of figure <paramref name="id"/>: the cells after the id.</summary>
    public IReadOnlyList<string[]> Rows(string id) =>
        Output.Split('\n').Where(l => l.StartsWith($"| {id} |", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).Skip(1).ToArray()).ToList();

    /// <summary>Every number in a cell, in order ("1,234 ms / 5.6 ms" gives 1234 and 5.6).</summary>
    public static IReadOnlyList<double> Numbers(string cell) =>
        NumberPattern().Matches(cell).Select(m => double.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();

    /// <summary>Fails with the whole output unless the run exited with 0.</summary>
    public BenchmarkRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}:\n{Output}");
        return this;
    }

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex NumberPattern();
}
