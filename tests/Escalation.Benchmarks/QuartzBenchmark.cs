using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Quartz;

namespace Escalation.Benchmarks;

/// <summary>
/// P1's second baseline, quartz [--count 50000]: Quartz.NET 4 with its ADO.NET job store on a SQLite file (schema
/// provisioned by Quartz itself, default thread pool and settings but for the misfire threshold), firing N one-off triggers that are all due, for a
/// job that only counts. The engine's side is the same N due deadlines through TimerProcessor, taken from the
/// deadlines benchmark when it ran at the same size in this process, else run here. Quartz's job does none of the
/// engine's writes (no stage move, history or mail), so the comparison flatters Quartz.
/// </summary>
internal static class QuartzBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = new Args(args).Int("--count", 50_000);
        var engineRate = DeadlinesBenchmark.LastEngine is { } last && last.Count == count ? last.Rate : await EngineRateAsync(count);

        Console.WriteLine("Quartz.NET warming up (200 triggers) ...");
        await FireAsync(200);
        var (elapsed, fired) = await FireAsync(count);
        var quartzRate = fired / elapsed.TotalSeconds;
        Console.WriteLine($"Quartz.NET fired {fired:N0} of {count:N0} triggers in {elapsed.TotalSeconds:F1} s: {quartzRate:N0}/s; engine {engineRate:N0} deadlines/s");
        var ratio = engineRate / quartzRate;
        Figures.Add("P1", $"engine against Quartz.NET ADO.NET store, SQLite, {count:N0} (per s)", Figures.N(engineRate),
            $"Quartz {Figures.N(quartzRate)}", Figures.X(ratio), "for information: Quartz does none of the writes");
        return fired == count ? 0 : 1;
    }

    private static async Task<double> EngineRateAsync(int count)
    {
        var catalog = EngineRun.LoadCatalog();
        foreach (var n in new[] { Math.Min(count, 1_000), count })
        {
            var path = Path.Combine(Path.GetTempPath(), $"escalation-bench-quartz-engine-{Guid.NewGuid():N}.db");
            try
            {
                var connectionString = await Seeder.CreateAsync(path, n, analyze: false);
                var elapsed = await EngineRun.RunAsync(connectionString, catalog, 500);
                var check = Verifier.Check(connectionString, n);
                if (!check.Ok)
                    throw new InvalidOperationException("engine run failed its checks: " + string.Join("; ", check.Failures));
                if (n == count)
                    return count / elapsed.TotalSeconds;
            }
            finally
            {
                Delete(path);
            }
        }

        throw new UnreachableException();
    }

    /// <summary>Schedules <paramref name="count"/> due triggers with the scheduler on standby, then times from Start to the last job.</summary>
    private static async Task<(TimeSpan Elapsed, int Fired)> FireAsync(int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"escalation-bench-quartz-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        try
        {
            var scheduler = await QuartzSchedulerBuilder.Create(q =>
            {
                q.UsePersistentStore(store =>
                {
                    store.UseSqlite(connectionString);
                    store.ProvisionSchema();
                    // Scheduling 50,000 triggers takes longer than the default 60 s threshold, after which Quartz would
                    // treat the early ones as misfired and hand them to its misfire handler, 20 at a time. A due
                    // deadline is not a misfire here: all of them are due, as the engine's are.
                    store.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromDays(1));
                });
            }).BuildScheduler();
            var clock = TimeProvider.System;
            var job = JobBuilder.Create<CountingJob>().WithIdentity("deadline").StoreDurably().Build();
            var now = clock.GetUtcNow();
            var triggers = new List<ITrigger>(count);
            for (var i = 0; i < count; i++)
            {
                triggers.Add(TriggerBuilder.Create(clock).WithIdentity($"deadline-{i}").ForJob(job).StartAt(now).Build());
            }

            var scheduling = Stopwatch.StartNew();
            await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = triggers }, default);
            Console.WriteLine($"Quartz.NET: {count:N0} triggers scheduled in {scheduling.Elapsed.TotalSeconds:F1} s (not timed)");
            CountingJob.Reset(count);
            var stopwatch = Stopwatch.StartNew();
            await scheduler.Start();
            await Task.WhenAny(CountingJob.Done.Task, Task.Delay(TimeSpan.FromMinutes(30)));
            var elapsed = stopwatch.Elapsed;
            await scheduler.Shutdown(waitForJobsToComplete: true);
            return (elapsed, CountingJob.Fired);
        }
        finally
        {
            Delete(path);
        }
    }

    private static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(path + suffix);
    }

    /// <summary>The job every trigger fires: it counts, and completes <see cref="Done"/> at the last one.</summary>
    internal sealed class CountingJob : IJob
    {
        private static int _fired;
        private static int _target;

        public static TaskCompletionSource Done { get; private set; } = new();

        public static int Fired => Volatile.Read(ref _fired);

        public static void Reset(int target)
        {
            _fired = 0;
            _target = target;
            Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _fired) == _target)
                Done.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
