using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Escalation.Benchmarks;

/// <summary>What one load phase measured; the load process prints it as one JSON line.</summary>
internal sealed record LoadResult(string Mode, double TargetRate, double Seconds, int Sent, int Ok, int Failed,
    double Throughput, double P50, double P99, double Max, string? FirstFailure);

/// <summary>
/// The load process, load --url URL --body FILE [--token T] --mode max|fixed [--rate R] --seconds S [--connections C]:
/// POSTs the JSON body to URL and prints one <see cref="LoadResult"/> line. It runs as its own process, so its work
/// is not in the measured app's process.
/// <para>
/// max: C requests in flight at all times (closed loop) for S seconds: throughput. fixed: one request every 1/R
/// seconds whatever the answers (open loop), each request's latency measured from the instant it was due to be sent,
/// so a stalled server is charged for the requests queued behind it (no coordinated omission).
/// </para>
/// </summary>
internal static class LoadClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Args(args);
        var url = new Uri(options.Text("--url") ?? throw new ArgumentException("load needs --url"));
        var body = await File.ReadAllTextAsync(options.Text("--body") ?? throw new ArgumentException("load needs --body"));
        var token = options.Text("--token");
        var mode = options.Text("--mode") ?? "max";
        var seconds = options.Double("--seconds", 10);
        var connections = options.Int("--connections", 16);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var latencies = new List<double>();
        var gate = new Lock();
        var ok = 0;
        var failed = 0;
        var sent = 0;
        string? firstFailure = null;
        async Task SendAsync(long dueTimestamp)
        {
            Interlocked.Increment(ref sent);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(url, content);
                var latency = Stopwatch.GetElapsedTime(dueTimestamp).TotalSeconds;
                if ((int)response.StatusCode == 201)
                {
                    Interlocked.Increment(ref ok);
                    lock (gate)
                        latencies.Add(latency);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    var detail = await response.Content.ReadAsStringAsync();
                    Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode}: {detail[..Math.Min(300, detail.Length)]}", null);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstFailure, ex.GetType().Name + ": " + ex.Message, null);
            }
        }

        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(seconds * Stopwatch.Frequency);
        double rate = 0;
        if (mode == "max")
        {
            var workers = Enumerable.Range(0, connections).Select(async _ =>
            {
                while (Stopwatch.GetTimestamp() < end)
                    await SendAsync(Stopwatch.GetTimestamp());
            });
            await Task.WhenAll(workers);
        }
        else
        {
            rate = options.Double("--rate", 100);
            var step = Stopwatch.Frequency / rate;
            var inFlight = new List<Task>();
            for (long i = 0; ; i++)
            {
                var due = started + (long)(i * step);
                if (due >= end)
                    break;
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(1))
                    await Task.Delay(wait);
                inFlight.Add(SendAsync(due));
            }

            await Task.WhenAll(inFlight);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        latencies.Sort();
        double At(double p) => latencies.Count == 0 ? double.NaN : LagBenchmark.Percentile([.. latencies], p);
        var result = new LoadResult(mode, rate, elapsed, sent, ok, failed, ok / elapsed, At(0.5), At(0.99),
            latencies.Count == 0 ? double.NaN : latencies[^1], firstFailure);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>Runs one phase in a separate process and reads its result.</summary>
    public static async Task<LoadResult> RunProcessAsync(Uri url, string bodyFile, string? token, string mode, double rate, double seconds, int connections)
    {
        List<string> args = [Paths.SelfDll, "load", "--url", url.ToString(), "--body", bodyFile, "--mode", mode,
            "--rate", rate.ToString(CultureInfo.InvariantCulture), "--seconds", seconds.ToString(CultureInfo.InvariantCulture),
            "--connections", connections.ToString(CultureInfo.InvariantCulture)];
        if (token is not null)
            args.AddRange(["--token", token]);

        var output = await DotnetCommand.RunAsync("the load process", args);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException("the load process printed no result");
        return JsonSerializer.Deserialize<LoadResult>(line)!;
    }
}
