using System.Diagnostics;
using System.Globalization;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Escalation.Reports.Queries;
using Escalation.Reports.Rendering;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Escalation.Benchmarks -- report [--count 1000000] [--runs 3] [--db PATH]
/// <para>
/// Seeds N escalations over the financial year 2025 to 2026 (<see cref="ReportSeeder"/>; --db keeps the file and reuses it
/// next time), then times, in one run, the board report for that year against a hand-written SQL aggregate of the same
/// counts on one connection (<see cref="Baseline"/>). Each is warmed up once, then run --runs times; the best time is kept.
/// The report's counts are checked against the SQL's. Goal: the report in at most 1 s, or at most 2x the SQL.
/// </para>
/// </summary>
internal static class ReportBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Arg(args, "--count", 1_000_000);
        var runs = Arg(args, "--runs", 3);
        var keep = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var path = keep ?? Path.Combine(Path.GetTempPath(), $"escalation-report-bench-{Guid.NewGuid():N}.db");
        try
        {
            var connectionString = Sql.ConnectionString(path);
            if (keep is null || !File.Exists(path))
            {
                var seeding = Stopwatch.StartNew();
                connectionString = await ReportSeeder.CreateAsync(path, count);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count:N0} escalations in {seeding.Elapsed.TotalSeconds:F1} s ({path})"));
            }

            var catalog = EngineRun.LoadCatalog();
            var paper = BoardPaperRenderer.Load(Path.Combine(FindTemplates(), "reports"));
            var period = ReportPeriod.FinancialYear(2025);
            Console.WriteLine($"{Environment.ProcessorCount} CPUs, .NET {Environment.Version}, SQLite {new SqliteConnection().ServerVersion}, " +
                $"load average {LoadAverage()}; report for {period.Label}, compared with the year before");

            BoardReport? report = null;
            Baseline.Result? sql = null;
            var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            for (var run = 0; run <= runs; run++)
            {
                void Time(string name, double seconds)
                {
                    if (run > 0)
                        (timings.TryGetValue(name, out var list) ? list : timings[name] = []).Add(seconds);
                }

                var watch = Stopwatch.StartNew();
                sql = await Baseline.RunAsync(connectionString, period, catalog);
                Time("sql", watch.Elapsed.TotalSeconds);

                watch.Restart();
                report = await BuildAsync(connectionString, catalog, period);
                Time("report", watch.Elapsed.TotalSeconds);

                watch.Restart();
                var bytes = BoardReportJson.Write(report).Length + BoardReportCsv.Write(report).Length
                    + paper.Render(report, DateOnly.FromDateTime(Now.UtcDateTime)).Length;
                Time("render JSON + CSV + HTML", watch.Elapsed.TotalSeconds);
            }

            var best = timings.ToDictionary(t => t.Key, t => t.Value.Min());
            Console.WriteLine();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} {1,9} {2,9} {3,10}", "", "best s", "worst s", "vs SQL"));
            foreach (var (name, values) in timings)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} {1,9:F3} {2,9:F3} {3,9:F2}x", name, values.Min(), values.Max(),
                    values.Min() / best["sql"]));
            }

            var total = best["report"] + best["render JSON + CSV + HTML"];
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "report + rendering: {0:F3} s; goal (either): <= 1 s {1}, <= 2x SQL {2}", total, total <= 1 ? "met" : "MISSED",
                best["report"] <= 2 * best["sql"] ? "met" : "MISSED"));
            Figures.Add("P4", $"board report over {count:N0} escalations, with rendering (best of {runs})", Figures.Ms(total), "", "",
                "<= 1 s, or the next line", total <= 1);
            Figures.Add("P4", "board report queries against the SQL aggregate", Figures.Ms(best["report"]), $"SQL {Figures.Ms(best["sql"])}",
                Figures.X(best["report"] / best["sql"]), "<= 2x SQL", best["report"] <= 2 * best["sql"]);
            return Check(report!, sql!) ? 0 : 1;
        }
        finally
        {
            if (keep is null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(path + suffix);
            }
        }
    }

    private static async Task<BoardReport> BuildAsync(string connectionString, PolicyCatalog catalog, ReportPeriod period)
    {
        var options = new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite(connectionString).Options;
        await using var db = new SqliteEscalationDbContext(options);
        var query = new BoardReportQuery(db, catalog, new FixedClock(Now));
        return await query.BuildAsync(period);
    }

    private static bool Check(BoardReport report, Baseline.Result sql)
    {
        var now = report.Current;
        var pairs = new (string Name, long Report, long Sql)[]
        {
            ("raised", now.Raised, sql.Raised), ("resolved", now.Resolved, sql.Resolved), ("open", now.Open, sql.Open),
            ("withdrawn", now.Withdrawn, sql.Withdrawn), ("urgent", now.Urgent, sql.Urgent),
            ("deadlines met", now.Deadlines.Met, sql.Met), ("deadlines missed", now.Deadlines.Missed, sql.Missed),
            ("stage 3 reached", now.ByStageReached.Single(s => s.Key == "3").Count, sql.Stage3),
            ("agency kinds with none", now.AgencyKindsWithNone.Count, 0),
            ("previous period raised", report.Previous.Raised, sql.PreviousRaised),
        };
        var ok = true;
        foreach (var (name, mine, theirs) in pairs)
        {
            if (mine != theirs)
            {
                Console.WriteLine($"FAIL: {name}: report {mine}, SQL {theirs}");
                ok = false;
            }
        }

        Console.WriteLine(ok
            ? $"checked: the report's counts equal the SQL's (raised {now.Raised:N0}, met {now.Deadlines.Met:N0}, missed {now.Deadlines.Missed:N0}, median {now.MedianWorkingDaysToResolution} working days)"
            : "FAILED");
        return ok;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string FindTemplates()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "templates");
            if (Directory.Exists(Path.Combine(candidate, "reports")))
                return candidate;
        }

        throw new DirectoryNotFoundException("The repository's templates/ folder was not found above " + AppContext.BaseDirectory);
    }
}
