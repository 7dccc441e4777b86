using System.Diagnostics;
using Escalation.Core.Policies;
using Escalation.Data.Sql;
using Escalation.Services.Timers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Escalation.Benchmarks;

/// <summary>
/// P1 on PostgreSQL, postgres [--count 50000] [--batch 500]: the deadlines benchmark on a throwaway PostgreSQL cluster
/// (tests/Escalation.TestSupport/TestPostgres.cs: Debian's initdb into a temporary folder, a random loopback
/// port, removed afterwards). Two identical databases seeded by <see cref="PostgresSeeder"/>; the baseline is
/// <see cref="PostgresRawRun"/>, the engine is TimerProcessor.FireDueAsync through the host's registration with
/// Escalation:Database:Provider=Postgres. Same order as on SQLite: a warm-up of both at 1,000, then raw, then engine.
/// Skipped, with the reason printed, when no PostgreSQL binaries are installed.
/// </summary>
internal static class PostgresBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Args(args);
        var count = options.Int("--count", 50_000);
        var batchSize = options.Int("--batch", 500);
        TestPostgres server;
        try
        {
            server = await TestPostgres.StartAsync();
        }
        catch (InvalidOperationException ex)
        {
            Console.WriteLine("PostgreSQL: skipped: " + ex.Message.Split('\n')[0]);
            return 0;
        }

        await using (server)
        {
            var catalog = EngineRun.LoadCatalog();
            var policy = catalog.Table(PolicyCatalog.DefaultPolicyId, 1).Policy;
            var dueAt = catalog.Calendar.DueAt(Seeder.Now, policy.Timescale(Track.Standard, 2).Deadline);
            var remindAt = catalog.Calendar.ReminderAt(dueAt, policy.Timescale(Track.Standard, 2).Reminder!);
            Console.WriteLine($"PostgreSQL {await VersionAsync(server.ConnectionString())} on port {server.Port}; {count:N0} due deadlines, batches of {batchSize}");
            if (count > 1_000)
                await RunBothAsync(server, catalog, Math.Min(count, 1_000), batchSize, dueAt, remindAt, quiet: true);
            var (raw, engine, ok) = await RunBothAsync(server, catalog, count, batchSize, dueAt, remindAt, quiet: false);
            var ratio = raw.TotalSeconds / engine.TotalSeconds;
            Console.WriteLine($"engine {engine.TotalSeconds:F2} s = {count / engine.TotalSeconds:N0}/s; raw {raw.TotalSeconds:F2} s = {count / raw.TotalSeconds:N0}/s; engine/raw {ratio:F2}x");
            Figures.Add("P1", $"act on {count:N0} due deadlines, PostgreSQL (deadlines/s)", Figures.N(count / engine.TotalSeconds),
                $"raw SQL {Figures.N(count / raw.TotalSeconds)}", Figures.X(ratio), ">= 0.5x raw SQL", ratio >= 0.5);
            return ok ? 0 : 1;
        }
    }

    private static async Task<(TimeSpan Raw, TimeSpan Engine, bool Ok)> RunBothAsync(TestPostgres server, PolicyCatalog catalog, int count,
        int batchSize, DateTimeOffset dueAt, DateTimeOffset remindAt, bool quiet)
    {
        var rawDb = await server.CreateDatabaseAsync();
        var engineDb = await server.CreateDatabaseAsync();
        await PostgresSeeder.CreateAsync(rawDb, count);
        await PostgresSeeder.CreateAsync(engineDb, count);

        var raw = await PostgresRawRun.RunAsync(rawDb, dueAt, remindAt, batchSize);
        var engine = await EngineAsync(engineDb, catalog, batchSize);
        var rawCheck = Check(rawDb, count);
        var engineCheck = Check(engineDb, count);
        var ok = rawCheck.Ok && engineCheck.Ok && rawCheck.OutboxShape == engineCheck.OutboxShape;
        if (!quiet || !ok)
        {
            foreach (var (name, check) in new[] { ("engine", engineCheck), ("raw", rawCheck) })
            {
                Console.WriteLine($"{name}: outbox rows (template/stage/audience x rows): {check.OutboxShape}");
                Console.WriteLine(check.Ok ? $"{name}: verified" : $"{name}: FAILED\n  " + string.Join("\n  ", check.Failures));
            }

            if (rawCheck.OutboxShape != engineCheck.OutboxShape)
                Console.WriteLine("FAIL: the raw baseline did not write the same outbox rows as the engine");
        }

        NpgsqlConnection.ClearAllPools();
        return (raw, engine, ok);
    }

    private static async Task<TimeSpan> EngineAsync(string connectionString, PolicyCatalog catalog, int batchSize)
    {
        await using var provider = EngineRun.BuildServices(connectionString, catalog, new FixedClock(Seeder.Now), dispatcher: false, provider: "Postgres");
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = provider.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<TimerProcessor>().FireDueAsync(batchSize) == 0)
                break;
        }

        return stopwatch.Elapsed;
    }

    private static Verification Check(string connectionString, int count)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return Verifier.Check(connection, SqlDialect.Postgres, count);
    }

    private static async Task<string> VersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection.PostgreSqlVersion.ToString();
    }
}
