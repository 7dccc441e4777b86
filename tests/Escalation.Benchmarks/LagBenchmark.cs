using System.Diagnostics;
using Escalation.Services.Timers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Escalation.Benchmarks;

/// <summary>
/// P2, lag [--rate 100] [--seconds 60] [--lead 3] [--keep]: the lag from a deadline to acting on it, under a steady flow.
/// <para>
/// Seeds rate x seconds open escalations (the deadlines benchmark's directory and rows), then spreads their stage-1
/// deadline timers evenly over the run: the first falls due --lead seconds after the dispatcher starts, then one every
/// 1/rate seconds. The host's own timer worker (<see cref="PollingWorker{TWork}"/> running <see cref="TimerRunner"/>: poll interval 1 s, batches of 500, as configured by
/// default) runs on the real clock and acts on them as they fall due. Lag per deadline = the instant the engine
/// stamped the timer fired (done_at, read from the clock as its batch began) minus its due instant; the write commits
/// with its batch a few milliseconds later, which the figure does not include. p50, p99 and max are reported.
/// </para>
/// </summary>
internal static class LagBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Args(args);
        var rate = options.Double("--rate", 100);
        var seconds = options.Double("--seconds", 60);
        var lead = options.Double("--lead", 3);
        var count = (int)Math.Max(1, Math.Round(rate * seconds));
        var path = Path.Combine(Path.GetTempPath(), $"escalation-bench-lag-{Guid.NewGuid():N}.db");
        try
        {
            var connectionString = await Seeder.CreateAsync(path, count, analyze: false);
            var catalog = EngineRun.LoadCatalog();
            var clock = TimeProvider.System;
            var warnings = new ConsoleWarnings();
            await using var services = EngineRun.BuildServices(connectionString, catalog, clock, dispatcher: true, logs: warnings);
            var dispatcher = services.GetServices<IHostedService>().OfType<PollingWorker<TimerRunner>>().Single();

            // Timers are numbered 1..N in seeding order; timer i falls due at first + (i - 1) / rate.
            var first = clock.GetUtcNow() + TimeSpan.FromSeconds(lead);
            var step = TimeSpan.FromSeconds(1 / rate);
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "UPDATE timers SET due_at = @first + (id - 1) * @step";
                command.Parameters.AddWithValue("@first", Sql.Instant(first));
                command.Parameters.AddWithValue("@step", step.Ticks);
                await command.ExecuteNonQueryAsync();
            }

            Console.WriteLine($"{count:N0} deadlines falling due at {rate:N0}/s over {seconds:N0} s, from {lead:N0} s after start; " +
                $"load average {Paths.LoadAverage()}");
            await dispatcher.StartAsync(CancellationToken.None);
            var last = first + step * (count - 1);
            var waited = Stopwatch.StartNew();
            var fired = 0L;
            while (waited.Elapsed < TimeSpan.FromSeconds(lead + seconds + 120))
            {
                await Task.Delay(500);
                fired = Count(connectionString, "SELECT COUNT(*) FROM timers WHERE kind = 'Deadline' AND stage = 1 AND state = 'Fired'");
                if (fired == count)
                    break;
            }

            await dispatcher.StopAsync(CancellationToken.None);
            var lags = Lags(connectionString);
            var outboxed = Count(connectionString, "SELECT COUNT(DISTINCT escalation_id) FROM outbox");
            Console.WriteLine($"acted on {fired:N0} of {count:N0} deadlines; {outboxed:N0} escalations have their mails in the outbox; " +
                $"the last fell due {(clock.GetUtcNow() - last).TotalSeconds:F1} s before the end");
            if (warnings.Count > 0)
                Console.WriteLine($"the engine logged {warnings.Count:N0} warnings or errors (the first five above)");
            if (lags.Length == 0)
                return 1;
            var p50 = Percentile(lags, 0.50);
            var p99 = Percentile(lags, 0.99);
            Console.WriteLine($"lag: p50 {p50 * 1000:N0} ms, p99 {p99 * 1000:N0} ms, max {lags[^1] * 1000:N0} ms, min {lags[0] * 1000:N0} ms");
            Figures.Add("P2", $"deadline-to-action lag p50, {rate:N0}/s for {seconds:N0} s, SQLite", Figures.Ms(p50));
            Figures.Add("P2", $"deadline-to-action lag p99, {rate:N0}/s for {seconds:N0} s, SQLite", Figures.Ms(p99), "", "", "<= 2 s", p99 <= 2);
            return fired == count && outboxed == count ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.Has("--keep"))
                Console.WriteLine("kept " + path);
            else
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(path + suffix);
            }
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double[] Lags(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT done_at - due_at FROM timers WHERE kind = 'Deadline' AND stage = 1 AND state = 'Fired' ORDER BY 1";
        using var reader = command.ExecuteReader();
        var lags = new List<double>();
        while (reader.Read())
            lags.Add(TimeSpan.FromTicks(reader.GetInt64(0)).TotalSeconds);
        return [.. lags];
    }

    private static long Count(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return Sql.Scalar(connection, sql);
    }
}
