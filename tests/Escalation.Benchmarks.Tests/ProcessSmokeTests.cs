namespace Escalation.Benchmarks.Tests;

/// <summary>
/// The benchmarks that start the service and the bare app as processes, at tiny sizes. A class of their own, so xunit
/// runs them beside <see cref="SmokeTests"/> rather than after them.
/// </summary>
public sealed class ProcessSmokeTests
{
    private static readonly TimeSpan Timeout = SmokeTests.Timeout;

    [Fact]
    public async Task Http_Tiny_ServiceAndBareAnswerEveryRequest()
    {
        var run = (await BenchmarkRun.StartAsync(Timeout, "http", "--seconds", "1", "--warmup", "1", "--rates", "20")).Succeeded();

        // The exit code is 0 only if every request was answered 201.
        Assert.Contains("service: ready after", run.Output, StringComparison.Ordinal);
        Assert.Contains("bare: ready after", run.Output, StringComparison.Ordinal);
        var rows = run.Rows("P3");
        Assert.Equal(2, rows.Count);
        AssertPositive(rows[0][1], rows[0][2], rows[0][3], rows[1][1], rows[1][2]);
    }

    [Fact]
    public async Task Footprint_Tiny_StartsAndMeasuresBoth()
    {
        var run = (await BenchmarkRun.StartAsync(Timeout, "footprint", "--runs", "1", "--idle", "0.5")).Succeeded();

        var rows = run.Rows("P5");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => AssertPositive(r[1], r[2], r[3]));
    }

    private static void AssertPositive(params string[] cells) => SmokeTests.AssertPositive(cells);
}
