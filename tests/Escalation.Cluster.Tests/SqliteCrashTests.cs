using System.Globalization;
using Escalation.Cluster.Tests.Support;
using Xunit.Abstractions;

namespace Escalation.Cluster.Tests;

/// <summary>One copy of the service on a SQLite file, killed with kill -9 at random points and started again.</summary>
[Trait("Category", "Cluster")]
[Collection(ClusterGroup.Name)]
public sealed class SqliteCrashTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private const int Kills = 20;
    private static readonly TimeSpan Started = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);

    // Only bounds a run that hangs: speed is the benchmarks' job. On two cores shared with other test projects the last
    // life once needed more than 3 minutes to send 6,000 mails through maildev.
    private static readonly TimeSpan WorkTimeout = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task KilledAtRandomPoints20Times_EveryDeadlineMovesOnce_EveryMailArrivesWithItsOwnMessageId()
    {
        var deadlines = ClusterRun.DeadlinesPerRun;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ESCALATION_CRASH_SEED"), out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        var folder = Directory.CreateTempSubdirectory("escalation-sqlite-crash-");
        try
        {
            var db = new DueDeadlines("Sqlite", $"Data Source={Path.Combine(folder.FullName, "escalation.db")}");
            await cluster.Maildev.ClearAsync();
            using var run = new ClusterRun(db, cluster.Maildev, new Dictionary<string, string>
            {
                // A killed copy's mail claims run out soon, so the next life sends them (again, with the same Message-Id).
                ["Escalation:Mail:Delivery:LeaseDuration"] = "00:00:10",
            });

            // The first start migrates the file and makes the roles; the work arrives while the service is down.
            using (var setup = run.StartCopy("setup"))
                await setup.WaitUntilReadyAsync(Ready);
            await db.SeedAsync(deadlines);

            var total = deadlines * (1L + ClusterRun.MailsPerDeadline);
            var points = new List<string>();
            var startup = TimeSpan.FromSeconds(2);
            var rate = 1000.0; // units of work (a deadline fired, a mail sent) per second, measured as the lives go by
            while (points.Count < Kills)
            {
                var doneBefore = await run.DoneAsync();
                using var copy = run.StartCopy($"life-{points.Count + 1}");
                // A random point: one life in five dies during start-up; the others after a random share of the work,
                // sized so that the work outlasts the kills.
                TimeSpan worked;
                if (random.Next(5) == 0)
                {
                    await Task.Delay(startup * random.NextDouble());
                    worked = TimeSpan.Zero;
                }
                else
                {
                    await WaitUntilStartedAsync(copy);
                    startup = copy.StartedAfter!.Value;
                    var share = (total - doneBefore) / (Kills - points.Count + 1.0);
                    worked = TimeSpan.FromSeconds(Math.Clamp(share / rate, 0.05, 3.0) * 2 * random.NextDouble());
                    await Task.Delay(worked);
                }

                copy.Kill();
                var doneAfter = await run.DoneAsync();
                if (worked > TimeSpan.FromMilliseconds(200) && doneAfter > doneBefore)
                    rate = (doneAfter - doneBefore) / worked.TotalSeconds;
                points.Add(string.Create(CultureInfo.InvariantCulture, $"{worked.TotalSeconds:F2}s:{doneAfter}"));
                Assert.True(doneAfter < total, $"The work was done after {points.Count} kills, before {Kills}: {string.Join(", ", points)}");
            }

            using var last = run.StartCopy("last");
            var finished = await run.WaitUntilAsync(p => p == (0, 0), WorkTimeout, "the last life finishing the work");

            await Outcome.AssertEachMovedOnceAsync(db, deadlines);
            var repeats = await Outcome.AssertMailsAsync(db, cluster.Maildev, exactlyOnce: false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SQLite, {deadlines} due deadlines, seed {seed}: killed {points.Count} times (time worked:units done of {total}): " +
                $"{string.Join(", ", points)}; the last life finished in {finished.TotalSeconds:F1} s; " +
                $"mails resent with the same Message-Id: {repeats}."));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task WaitUntilStartedAsync(ServiceProcess copy)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (copy.StartedAfter is null)
        {
            if (copy.HasExited || waited.Elapsed > Started)
                throw new InvalidOperationException($"{copy.Name} did not start within {Started}; see its log.");
            await Task.Delay(5);
        }
    }
}
