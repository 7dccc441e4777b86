using Microsoft.Data.Sqlite;

namespace Escalation.Benchmarks;

/// <summary>
/// P5, footprint [--runs 3] [--idle 5] [--published]: cold start to /health/ready, and resident memory when idle.
/// <para>
/// For the service and for the bare app (the build output, or with --published both published with ReadyToRun as
/// deployed, <see cref="PublishedApps"/>), each as its own process: one first start creates and migrates its SQLite file
/// (the service also seeds the demo partnership) and is reported apart; then --runs starts on that existing file, each
/// timed from just before the process is launched to the first 200 from /health/ready (polled every 10 ms), after
/// which the process is left idle for --idle seconds and its VmRSS read from /proc. The median run is reported.
/// --env KEY=VALUE (repeatable) adds to the service's environment, to try a runtime setting (DOTNET_gcServer=0, say).
/// </para>
/// </summary>
internal static class FootprintBenchmark
{
    private const double MB = 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Args(args);
        var runs = options.Int("--runs", 3);
        var idle = options.Double("--idle", 5);
        var extra = options.Environment();
        var (webDll, bareDll) = await PublishedApps.ChooseAsync(options);
        var root = Directory.CreateTempSubdirectory("escalation-bench-footprint-").FullName;
        try
        {
            Console.WriteLine($"load average {Paths.LoadAverage()}; {runs} starts each, idle {idle:N0} s before reading RSS");
            var service = await MeasureAsync("service", webDll, Path.Combine(root, "service"), f => AppSettings.Service(f, extra), runs, idle);
            var bare = await MeasureAsync("bare", bareDll, Path.Combine(root, "bare"), AppSettings.Bare, runs, idle);
            Figures.Add("P5", $"idle RSS after start-up (median of {runs})", $"{service.Rss / MB:N0} MB", $"bare {bare.Rss / MB:N0} MB",
                Figures.X(service.Rss / bare.Rss), "<= 160 MB", service.Rss <= 160 * MB);
            Figures.Add("P5", $"cold start to /health/ready (median of {runs})", Figures.Ms(service.Start), $"bare {Figures.Ms(bare.Start)}",
                Figures.X(service.Start / bare.Start), "<= 2.5 s", service.Start <= 2.5);
            Figures.Add("P5", "first start: create, migrate and seed the database", Figures.Ms(service.First), $"bare {Figures.Ms(bare.First)}",
                Figures.X(service.First / bare.First), "<= 3 s", service.First <= 3);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(double Start, double Rss, double First)> MeasureAsync(string name, string dll, string folder,
        Func<string, Dictionary<string, string>> settings, int runs, double idle)
    {
        double first;
        await using (var host = ServiceProcess.StartApp(dll, folder, settings(folder)))
        {
            first = (await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), AppSettings.ReadyPoll)).TotalSeconds;
        }

        var starts = new List<double>();
        var rss = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var host = ServiceProcess.StartApp(dll, folder, settings(folder));
            starts.Add((await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), AppSettings.ReadyPoll)).TotalSeconds);
            await Task.Delay(TimeSpan.FromSeconds(idle));
            rss.Add(host.ResidentBytes());
            Console.WriteLine($"{name} run {run + 1}: ready after {starts[^1] * 1000:N0} ms, RSS after {idle:N0} s idle {rss[^1] / MB:N0} MB");
        }

        Console.WriteLine($"{name} first start (create the database): {first * 1000:N0} ms");
        return (Median(starts), Median(rss), first);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[(sorted.Length - 1) / 2];
    }
}
