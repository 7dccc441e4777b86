using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Escalation.Benchmarks;

/// <summary>
/// P3, http [--seconds 10] [--warmup 10] [--rates 100,200,500] [--connections 16] [--published]: raising escalations over HTTP.
/// <para>
/// Starts the built service (src/Escalation.Web, this configuration's output; with --published, both apps published
/// with ReadyToRun as deployed, <see cref="PublishedApps"/>) as its own process on a fresh SQLite file
/// with the demo partnership, signs in as a practitioner, and drives POST /api/escalations from a separate load process
/// (<see cref="LoadClient"/>): a --warmup at the most it can take (10 s: the tiered JIT's recompiling of hot methods
/// runs for several seconds under load on two cores, and measured inside the phase it was a tenth of the service's CPU),
/// then the most it can take with --connections requests in flight for
/// --seconds, then each fixed rate for --seconds. Every raise stores the escalation, its stage record, history,
/// timers and outbox mails in one transaction, and the service's own outbox sender delivers the mails to a pickup folder
/// meanwhile. The baseline is the bare app (tests/Escalation.Benchmarks.Bare) started and driven the same way: one
/// insert into a SQLite file per request, no authentication. The CPU time each process used in the throughput phase is
/// printed beside it (user + system, as a share of the machine's cores). --env KEY=VALUE (repeatable) adds to the
/// service's environment.
/// </para>
/// </summary>
internal static class HttpBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Args(args);
        var seconds = options.Double("--seconds", 10);
        var warmup = options.Double("--warmup", 10);
        var rates = options.Ints("--rates", [100, 200, 500]);
        var connections = options.Int("--connections", 16);
        var extra = options.Environment();
        var (webDll, bareDll) = await PublishedApps.ChooseAsync(options);
        var root = Directory.CreateTempSubdirectory("escalation-bench-http-").FullName;
        var failures = 0;
        try
        {
            Console.WriteLine($"load average {Paths.LoadAverage()}; {warmup:N0} s warm-up, {seconds:N0} s per phase, {connections} connections at most");
            var service = await MeasureAsync("service", webDll, Path.Combine(root, "service"), f => AppSettings.Service(f, extra),
                seconds, warmup, rates, connections, sign: true);
            var bare = await MeasureAsync("bare", bareDll, Path.Combine(root, "bare"), AppSettings.Bare,
                seconds, warmup, rates, connections, sign: false);
            failures = service.Sum(r => r.Failed) + bare.Sum(r => r.Failed);

            var ratio = service[0].Throughput / bare[0].Throughput;
            Figures.Add("P3", $"raise over HTTP, most requests/s ({connections} in flight, {seconds:N0} s)", Figures.N(service[0].Throughput),
                $"bare {Figures.N(bare[0].Throughput)}", Figures.X(ratio), ">= 0.3x bare", ratio >= 0.3);
            for (var i = 0; i < rates.Length; i++)
            {
                var s = service[i + 1];
                var b = bare[i + 1];
                var goal = rates[i] == 100;
                Figures.Add("P3", $"raise over HTTP at {rates[i]}/s: p50 / p99 (answered {Figures.N(s.Throughput)}/s)",
                    $"{Figures.Ms(s.P50)} / {Figures.Ms(s.P99)}", $"bare {Figures.Ms(b.P50)} / {Figures.Ms(b.P99)}",
                    Figures.X(s.P99 / b.P99) + " (p99)", goal ? "p99 <= 50 ms" : "", goal ? s.P99 <= 0.050 : null);
            }

            return failures == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<List<LoadResult>> MeasureAsync(string name, string dll, string folder,
        Func<string, Dictionary<string, string>> settings, double seconds, double warmup, int[] rates, int connections, bool sign)
    {
        await using var host = ServiceProcess.StartApp(dll, folder, settings(folder));
        var ready = await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), AppSettings.ReadyPoll);
        Console.WriteLine($"{name}: ready after {ready.TotalSeconds:F2} s at {host.Address}");
        var (token, body) = sign ? await SignInAsync(host.Address) : (null, await BodyAsync(null));
        var bodyFile = Path.Combine(folder, "body.json");
        await File.WriteAllTextAsync(bodyFile, body);
        var url = new Uri(host.Address, "/api/escalations");

        await LoadClient.RunProcessAsync(url, bodyFile, token, "max", 0, warmup, connections);
        var cpuBefore = host.CpuTime;
        var results = new List<LoadResult> { await LoadClient.RunProcessAsync(url, bodyFile, token, "max", 0, seconds, connections) };
        var cpu = (host.CpuTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"{name}: {cpu:F1} s of CPU in the throughput phase = {cpu / results[0].Seconds / Environment.ProcessorCount:P0} of " +
            $"{Environment.ProcessorCount} cores, {cpu * 1000 / Math.Max(1, results[0].Ok):F1} ms per request");
        foreach (var rate in rates)
            results.Add(await LoadClient.RunProcessAsync(url, bodyFile, token, "fixed", rate, seconds, connections));
        foreach (var r in results)
        {
            var what = r.Mode == "max" ? "most" : $"{r.TargetRate:N0}/s";
            Console.WriteLine($"{name} {what,6}: {r.Ok:N0} created in {r.Seconds:F1} s = {r.Throughput:N0}/s, p50 {r.P50 * 1000:N1} ms, " +
                $"p99 {r.P99 * 1000:N1} ms, max {r.Max * 1000:N0} ms, failed {r.Failed}{(r.FirstFailure is null ? "" : " (first: " + r.FirstFailure + ")")}");
        }

        return results;
    }

    /// <summary>Signs in as a demo practitioner and builds a raise against a practitioner of another agency.</summary>
    private static async Task<(string Token, string Body)> SignInAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        const string email = "practitioner1@riverside.example.org";
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "demo-password-2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var people = (await client.GetFromJsonAsync<JsonArray>("/api/people?role=Practitioner"))!.Select(p => p!.AsObject()).ToList();
        var me = people.Single(p => p["email"]!.GetValue<string>() == email);
        var respondent = people.First(p => p["agencyId"]!.GetValue<string>() != me["agencyId"]!.GetValue<string>());
        var body = await BodyAsync(respondent["id"]!.GetValue<string>());

        // One raise by hand first, so a refused body fails here with the service's reason.
        using var probe = await client.PostAsync("/api/escalations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        if ((int)probe.StatusCode != 201)
            throw new InvalidOperationException($"POST /api/escalations answered {(int)probe.StatusCode}: {await probe.Content.ReadAsStringAsync()}");
        return (token, body);
    }

    private static Task<string> BodyAsync(string? respondentId) => Task.FromResult(JsonSerializer.Serialize(new
    {
        childReference = "BENCH-0001",
        childAgeYears = 14,
        respondentId = respondentId ?? Guid.Empty.ToString(),
        category = "below-threshold",
        levelOfNeed = 3,
        decisionChallenged = "The referral was closed without an assessment.",
        decisionDate = "2026-11-02",
        concern = "Three missing episodes in a month and a new older boyfriend.",
        desiredOutcome = "A strategy discussion this week.",
        track = "standard",
        startAtStage = 1,
        startAtStageReason = (string?)null,
        childAtImmediateRisk = false,
        immediateReferralMade = false,
    }));
}
