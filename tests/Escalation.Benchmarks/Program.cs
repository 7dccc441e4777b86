using Escalation.Benchmarks;

// dotnet run -c Release --project tests/Escalation.Benchmarks -- COMMAND [options]
//
//   all        every benchmark below at its default size, then one table of figures and ratios (docs/benchmarks.md)
//              --tiny runs each at a smoke-test size instead
//   deadlines  P1: the engine against hand-written batched SQL on SQLite       [--count 50000] (DeadlinesBenchmark.cs)
//   postgres   P1: the engine against hand-written batched SQL on PostgreSQL   [--count 50000] (PostgresBenchmark.cs)
//   quartz     P1: the engine against Quartz.NET's ADO.NET job store on SQLite [--count 50000] (QuartzBenchmark.cs)
//   lag        P2: deadline-to-action lag under a steady flow                  [--rate 100 --seconds 60] (LagBenchmark.cs)
//   http       P3: raising over HTTP, service and bare app as processes        [--seconds 10 --warmup 10 --rates 100,200,500] (HttpBenchmark.cs)
//              --published: both apps published with ReadyToRun first, as deployed (all does this; PublishedApps.cs)
//   report     P4: the board report against a hand-written SQL aggregate       [--count 1000000 --runs 3] (ReportBenchmark.cs)
//   footprint  P5: idle RSS and cold start, service and bare app               [--runs 3 --idle 5] (FootprintBenchmark.cs)
//              --published as for http
//   load       the HTTP load process (started by http; not for direct use)     (LoadClient.cs)
//
// Each command ends with the table of its figures. The exit code is 1 if a check fails (a deadline not acted on, a
// count that differs from the baseline's, a request refused), 2 for a usage error. A missed goal is reported, not failed.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Escalation.Benchmarks all|deadlines|postgres|quartz|lag|http|report|footprint [options]; see Program.cs");
    return 2;
}

var rest = args[1..];
var tiny = rest.Contains("--tiny", StringComparer.Ordinal);
int code;
try
{
    code = args[0] switch
    {
        "load" => await LoadClient.RunAsync(rest),
        "all" => await AllAsync(tiny),
        "deadlines" => await DeadlinesBenchmark.RunAsync(args),
        "postgres" => await PostgresBenchmark.RunAsync(rest),
        "quartz" => await QuartzBenchmark.RunAsync(rest),
        "lag" => await LagBenchmark.RunAsync(rest),
        "http" => await HttpBenchmark.RunAsync(rest),
        "report" => await ReportBenchmark.RunAsync(rest),
        "footprint" => await FootprintBenchmark.RunAsync(rest),
        _ => -1,
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("usage: " + ex.Message);
    return 2;
}

if (code == -1)
{
    Console.Error.WriteLine($"unknown command {args[0]}; see Program.cs");
    return 2;
}

if (args[0] != "load")
    Figures.Print(Console.Out);
return code;

// Every benchmark in one process, one after another, so every ratio's two sides ran minutes apart on the same machine.
static async Task<int> AllAsync(bool tiny)
{
    var failures = 0;
    async Task Step(string name, Func<Task<int>> run)
    {
        Console.WriteLine();
        Console.WriteLine($"==== {name} (load average {Paths.LoadAverage()})");
        var code = await run();
        if (code != 0)
        {
            Console.WriteLine($"==== {name}: FAILED (exit code {code})");
            failures++;
        }
    }

    string[] Size(params string[] full) => full;
    await Step("P1 deadlines, SQLite", () => DeadlinesBenchmark.RunAsync(tiny ? Size("deadlines", "--verify", "--count", "200") : Size("deadlines")));
    await Step("P1 deadlines, PostgreSQL", () => PostgresBenchmark.RunAsync(tiny ? Size("--count", "200") : Size()));
    await Step("P1 Quartz.NET", () => QuartzBenchmark.RunAsync(tiny ? Size("--count", "200") : Size()));
    await Step("P2 lag", () => LagBenchmark.RunAsync(tiny ? Size("--rate", "50", "--seconds", "2") : Size()));
    await Step("P3 http", () => HttpBenchmark.RunAsync(tiny ? Size("--seconds", "1", "--rates", "20") : Size(PublishedApps.Flag)));
    await Step("P4 report", () => ReportBenchmark.RunAsync(tiny ? Size("--count", "2000", "--runs", "1") : Size()));
    await Step("P5 footprint", () => FootprintBenchmark.RunAsync(tiny ? Size("--runs", "1", "--idle", "1") : Size(PublishedApps.Flag)));
    Console.WriteLine();
    Console.WriteLine($"{Environment.ProcessorCount} CPUs, .NET {Environment.Version}, load average at the end {Paths.LoadAverage()}");
    return failures == 0 ? 0 : 1;
}
