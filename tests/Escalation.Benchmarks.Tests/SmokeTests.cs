namespace Escalation.Benchmarks.Tests;

/// <summary>
/// Each benchmark at a tiny size: it completes, checks its own work (every deadline acted on, every request answered
/// 201, the report's counts equal to the SQL's) and prints positive figures. The figures themselves mean nothing at
/// these sizes; docs/benchmarks.md has the real ones.
/// </summary>
public sealed class SmokeTests
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Deadlines_Tiny_BothRunsVerifiedAndRatesPositive()
    {
        var run = (await BenchmarkRun.StartAsync(Timeout, "deadlines", "--verify", "--count", "100")).Succeeded();

        Assert.Contains("engine: verified", run.Output, StringComparison.Ordinal);
        Assert.Contains("raw: verified", run.Output, StringComparison.Ordinal);
        var row = Assert.Single(run.Rows("P1"));
        AssertPositive(row[1], row[2]);
    }

    [Fact]
    public async Task Quartz_Tiny_EveryTriggerFired()
    {
        var run = (await BenchmarkRun.StartAsync(Timeout, "quartz", "--count", "100")).Succeeded();

        Assert.Contains("fired 100 of 100 triggers", run.Output, StringComparison.Ordinal);
        var row = Assert.Single(run.Rows("P1"));
        AssertPositive(row[1], row[2], row[3]);
    }

    [Fact]
    public async Task Lag_Tiny_EveryDeadlineActedOnWithItsMails()
    {
        var run = (await BenchmarkRun.StartAsync(Timeout, "lag", "--rate", "40", "--seconds", "1", "--lead", "1")).Succeeded();

        Assert.Contains("acted on 40 of 40 deadlines; 40 escalations have their mails in the outbox", run.Output, StringComparison.Ordinal);
        var rows = run.Rows("P2");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.True(BenchmarkRun.Numbers(r[1])[^1] >= 0, r[1]));
    }

    [Fact]
    public async Task Report_Tiny_CountsEqualTheSql()
    {
        var run = (await BenchmarkRun.StartAsync(Timeout, "report", "--count", "1000", "--runs", "1")).Succeeded();

        Assert.Contains("checked: the report's counts equal the SQL's (raised 1,000", run.Output, StringComparison.Ordinal);
        var rows = run.Rows("P4");
        Assert.Equal(2, rows.Count);
        AssertPositive(rows[0][1], rows[1][1], rows[1][2], rows[1][3]);
    }

    [Fact]
    public async Task Postgres_Tiny_VerifiedOrSkippedWithAReason()
    {
        var run = (await BenchmarkRun.StartAsync(Timeout, "postgres", "--count", "100")).Succeeded();

        if (run.Output.Contains("PostgreSQL: skipped:", StringComparison.Ordinal))
            return;
        Assert.Contains("engine: verified", run.Output, StringComparison.Ordinal);
        Assert.Contains("raw: verified", run.Output, StringComparison.Ordinal);
        var row = Assert.Single(run.Rows("P1"));
        AssertPositive(row[1], row[2]);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsage()
    {
        var run = await BenchmarkRun.StartAsync(Timeout, "nonsense");

        Assert.Equal(2, run.ExitCode);
    }

    internal static void AssertPositive(params string[] cells)
    {
        foreach (var cell in cells)
        {
            var numbers = BenchmarkRun.Numbers(cell);
            Assert.True(numbers.Count > 0 && numbers.All(n => n > 0), $"not a positive figure: '{cell}'");
        }
    }
}
