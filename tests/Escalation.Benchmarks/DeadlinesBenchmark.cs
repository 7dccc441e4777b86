using System.Diagnostics;
using System.Globalization;
using Escalation.Core.Policies;
using Escalation.Services.Escalations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Benchmarks;

/// <summary>
/// P1, deadlines [--count 50000] [--batch 500] [--verify] [--analyze] [--profile] [--engine-first]
/// <para>
/// Fires N due stage-1 deadlines twice, each time on its own fresh, identical SQLite file: once by hand-written batched
/// SQL (the baseline, RawRun), once through the engine (TimerProcessor.FireDueAsync). Both databases are then checked.
/// </para>
/// <para>
/// Run order: first a warm-up of both at a small size on throwaway files (JIT, tiered compilation, SQLite's code and the
/// file cache), then the raw baseline at N, then the engine at N: one timed run each. At these sizes a run takes seconds
/// to minutes, long enough that repeating it only costs wall time; --engine-first swaps the order to check for bias.
/// </para>
/// <para>
/// --verify   a quick smoke run (no warm-up, default 200 deadlines). In every mode the exit code is 1 if a check fails.
/// --analyze  ANALYZE each database after seeding, so SQLite's planner has statistics (what PRAGMA optimize would give).
/// --profile  instead of timing, break each run into phases (default 5,000 deadlines): Profiler.cs for the engine,
///            statement by statement for the baseline.
/// </para>
/// </summary>
internal static class DeadlinesBenchmark
{
    /// <summary>The engine's rate (deadlines/s) on SQLite from the last timed run in this process, and its size.</summary>
    public static (int Count, double Rate)? LastEngine { get; private set; }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = DeadlineOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: Escalation.Benchmarks deadlines|all [--count N] [--batch 500] [--verify] [--analyze] [--profile] [--engine-first]");
            return 2;
        }

        var catalog = EngineRun.LoadCatalog();
        var policy = catalog.Table(PolicyCatalog.DefaultPolicyId, 1).Policy;
        var dueAt = catalog.Calendar.DueAt(Seeder.Now, policy.Timescale(Track.Standard, 2).Deadline);
        var remindAt = catalog.Calendar.ReminderAt(dueAt, policy.Timescale(Track.Standard, 2).Reminder!);
        Console.WriteLine($"{options.Count:N0} due deadlines, batches of {options.Batch}{(options.Analyze ? ", ANALYZE after seeding" : "")}; " +
            $"{Environment.ProcessorCount} CPUs, .NET {Environment.Version}, SQLite {new SqliteConnection().ServerVersion}");

        if (!options.Verify)
        {
            Console.WriteLine("warming up ...");
            await RunBothAsync(Math.Min(options.Count, 1_000), profile: false, quiet: true);
        }

        var (raw, engine, ok) = await RunBothAsync(options.Count, options.Profile, quiet: false);
        if (!options.Profile)
            Report(options.Count, engine, raw);
        return ok ? 0 : 1;

        async Task<(TimeSpan Raw, TimeSpan Engine, bool Ok)> RunBothAsync(int count, bool profile, bool quiet)
        {
            TimeSpan raw = default, engine = default;
            Verification? rawCheck = null, engineCheck = null;
            foreach (var which in options.EngineFirst ? new[] { "engine", "raw" } : ["raw", "engine"])
            {
                var path = Path.Combine(Path.GetTempPath(), $"escalation-bench-{which}-{Guid.NewGuid():N}.db");
                try
                {
                    var connectionString = await Seeder.CreateAsync(path, count, options.Analyze);
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    if (which == "raw")
                    {
                        Sql.Timings = profile ? new(StringComparer.Ordinal) : null;
                        raw = await RawRun.RunAsync(connectionString, dueAt, remindAt, options.Batch);
                        rawCheck = Verifier.Check(connectionString, count);
                        if (Sql.Timings is { } timings)
                            PrintProfile("raw baseline, by statement (the claim and commits are not in the table)", raw, timings, count);
                        Sql.Timings = null;
                    }
                    else if (profile)
                    {
                        await using var services = EngineRun.BuildServices(connectionString, catalog);
                        var profiler = new Profiler(catalog, services.GetRequiredService<EngineSettings>());
                        var stopwatch = Stopwatch.StartNew();
                        await profiler.RunAsync(services, options.Batch);
                        engine = stopwatch.Elapsed;
                        engineCheck = Verifier.Check(connectionString, count);
                        PrintProfile("engine, by phase (Profiler.cs: a timed copy of TimerProcessor)", engine, profiler.Sections, count);
                    }
                    else
                    {
                        engine = await EngineRun.RunAsync(connectionString, catalog, options.Batch);
                        engineCheck = Verifier.Check(connectionString, count);
                    }
                }
                finally
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var suffix in new[] { "", "-wal", "-shm" })
                    {
                        File.Delete(path + suffix);
                    }
                }
            }

            ArgumentNullException.ThrowIfNull(rawCheck);
            ArgumentNullException.ThrowIfNull(engineCheck);
            var ok = rawCheck.Ok && engineCheck.Ok && rawCheck.OutboxShape == engineCheck.OutboxShape;
            if (!quiet || !ok)
            {
                Print("engine", engineCheck);
                Print("raw", rawCheck);
                if (rawCheck.OutboxShape != engineCheck.OutboxShape)
                    Console.WriteLine("FAIL: the raw baseline did not write the same outbox rows as the engine");
            }

            return (raw, engine, ok);
        }

        static void PrintProfile(string title, TimeSpan elapsed, IReadOnlyDictionary<string, (long Ticks, long Count)> sections, int count)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {elapsed.TotalSeconds:F2} s, {count / elapsed.TotalSeconds:N0} deadlines/s"));
            Profiler.Print(sections, count);
        }

        static void Print(string name, Verification check)
        {
            Console.WriteLine($"{name}: outbox rows per escalation (rows x escalations): {check.OutboxPerEscalation}");
            Console.WriteLine($"{name}: outbox rows (template/stage/audience x rows): {check.OutboxShape}");
            Console.WriteLine(check.Ok ? $"{name}: verified" : $"{name}: FAILED\n  " + string.Join("\n  ", check.Failures));
        }

        static void Report(int count, TimeSpan engine, TimeSpan raw)
        {
            var c = CultureInfo.InvariantCulture;
            var ratio = raw.TotalSeconds / engine.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine(string.Format(c, "{0,-8} {1,10} {2,12} {3,10} {4,12} {5,12} {6,12}", "count", "engine s", "engine /s", "raw s", "raw /s", "engine/raw", "goal"));
            Console.WriteLine(string.Format(c, "{0,-8} {1,10:F2} {2,12:N0} {3,10:F2} {4,12:N0} {5,11:F2}x {6,12}",
                count, engine.TotalSeconds, count / engine.TotalSeconds, raw.TotalSeconds, count / raw.TotalSeconds, ratio,
                ratio >= 0.5 ? ">= 0.5x: met" : ">= 0.5x: MISSED"));
            LastEngine = (count, count / engine.TotalSeconds);
            Figures.Add("P1", $"act on {count:N0} due deadlines, SQLite (deadlines/s)", Figures.N(count / engine.TotalSeconds),
                $"raw SQL {Figures.N(count / raw.TotalSeconds)}", Figures.X(ratio), ">= 0.5x raw SQL", ratio >= 0.5);
        }
    }
}

internal sealed record DeadlineOptions(int Count, int Batch, bool Verify, bool Analyze, bool Profile, bool EngineFirst)
{
    private static readonly string[] Flags = ["--verify", "--analyze", "--profile", "--engine-first"];

    public static DeadlineOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("deadlines" or "all"))
            return null;

        int? count = null;
        var batch = 500;
        for (var i = 1; i < args.Length; i++)
        {
            if (Flags.Contains(args[i]))
                continue;
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value <= 0)
                return null;
            switch (args[i])
            {
                case "--count": count = value; break;
                case "--batch": batch = value; break;
                default: return null;
            }

            i++;
        }

        bool Has(string flag) => args.Contains(flag);
        var defaultCount = Has("--verify") ? 200 : Has("--profile") ? 5_000 : 50_000;
        return new DeadlineOptions(count ?? defaultCount, batch, Has("--verify"), Has("--analyze"), Has("--profile"), Has("--engine-first"));
    }
}
