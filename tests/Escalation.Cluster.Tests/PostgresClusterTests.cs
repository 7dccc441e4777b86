using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Escalation.Cluster.Tests.Support;
using Xunit.Abstractions;

namespace Escalation.Cluster.Tests;

/// <summary>Several copies of the service, as real processes, on one PostgreSQL database.</summary>
[Trait("Category", "Cluster")]
[Trait("Category", "Postgres")]
[Collection(ClusterGroup.Name)]
public sealed class PostgresClusterTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly int Deadlines = ClusterRun.DeadlinesPerRun;
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    // Only bounds a run that hangs: speed is the benchmarks' job, and a loaded two-core machine once needed more than 3 minutes.
    private static readonly TimeSpan WorkTimeout = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task TwoCopies_10000DueDeadlines_EachMovesOnceAndEachMailIsSentOnce()
    {
        var one = await RunToTheEndAsync(copies: 1);
        var two = await RunToTheEndAsync(copies: 2);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL, {Deadlines} due deadlines: one copy {one.Deadlines:F0} deadlines/s ({one.Mails:F0} mails/s); " +
            $"two copies {two.Deadlines:F0} deadlines/s ({two.Mails:F0} mails/s); {Environment.ProcessorCount} CPUs."));
    }

    [Fact]
    public async Task KillOneCopyMidRun_TheOtherFinishesTheWork_NothingLostOrDoubled()
    {
        var db = new DueDeadlines("Postgres", await cluster.Postgres.CreateDatabaseAsync());
        await cluster.Maildev.ClearAsync();
        // The dead copy's mail claims are taken over when their lease ends: 10 seconds here, 2 minutes by default.
        using var run = new ClusterRun(db, cluster.Maildev, new Dictionary<string, string> { ["Escalation:Mail:Delivery:LeaseDuration"] = "00:00:10" });
        var survivor = await StartReadyAsync(run, "survivor");
        var victim = await StartReadyAsync(run, "victim");

        await db.SeedAsync(Deadlines);
        await WaitUntilAsync(() => victim.HasFired, TimeSpan.FromSeconds(60), "the victim copy to fire its first batch");
        victim.Kill();
        var atKill = await run.PendingAsync();
        var finished = await run.WaitUntilAsync(p => p == (0, 0), WorkTimeout, "the survivor finishing the work");

        Assert.False(survivor.HasExited);
        Assert.True(atKill.Deadlines > 0 || atKill.Mails > 0, "The victim was killed after the work was done.");
        await Outcome.AssertEachMovedOnceAsync(db, Deadlines);
        var repeats = await Outcome.AssertMailsAsync(db, cluster.Maildev, exactlyOnce: false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Killed a copy with {atKill.Deadlines} deadlines and {atKill.Mails} mails pending; the other finished in " +
            $"{finished.TotalSeconds:F1} s; mails resent with the same Message-Id: {repeats}."));
    }

    [Fact]
    public async Task BearerToken_IssuedByOneCopy_IsAcceptedByTheOther()
    {
        const string email = "admin@example.org";
        const string password = "a long enough admin password";
        var db = new DueDeadlines("Postgres", await cluster.Postgres.CreateDatabaseAsync());
        using var run = new ClusterRun(db, cluster.Maildev);
        var first = await StartReadyAsync(run, "first", new Dictionary<string, string>
        {
            ["Escalation:Admin:Email"] = email, ["Escalation:Admin:Password"] = password,
        });
        var second = await StartReadyAsync(run, "second");
        using var http = new HttpClient();

        using var login = await http.PostAsJsonAsync(new Uri(first.Address, "/api/auth/login"), new { email, password });
        login.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(second.Address, "/api/agencies"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request);
        using var anonymous = await http.GetAsync(new Uri(second.Address, "/api/agencies"));

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM data_protection_keys"));
    }

    private async Task<(double Deadlines, double Mails)> RunToTheEndAsync(int copies)
    {
        var db = new DueDeadlines("Postgres", await cluster.Postgres.CreateDatabaseAsync());
        await cluster.Maildev.ClearAsync();
        using var run = new ClusterRun(db, cluster.Maildev);
        // The first copy migrates the new database; the others start on it once it is ready, then the work arrives.
        for (var i = 1; i <= copies; i++)
            await StartReadyAsync(run, $"copy-{i}");

        await db.SeedAsync(Deadlines);
        var fired = await run.WaitUntilAsync(p => p.Deadlines == 0, WorkTimeout, "every deadline fired");
        var sent = await run.WaitUntilAsync(p => p == (0, 0), WorkTimeout, "every mail sent");

        await Outcome.AssertEachMovedOnceAsync(db, Deadlines);
        await Outcome.AssertMailsAsync(db, cluster.Maildev, exactlyOnce: true);
        var figures = (Deadlines / fired.TotalSeconds, Deadlines * ClusterRun.MailsPerDeadline / (fired + sent).TotalSeconds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{copies} copies: fired in {fired.TotalSeconds:F1} s, mail sent {sent.TotalSeconds:F1} s later."));
        return figures;
    }

    private static async Task<ServiceProcess> StartReadyAsync(ClusterRun run, string name, IReadOnlyDictionary<string, string>? only = null)
    {
        var copy = run.StartCopy(name, only);
        await copy.WaitUntilReadyAsync(Ready);
        return copy;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > timeout)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(10);
        }
    }
}
