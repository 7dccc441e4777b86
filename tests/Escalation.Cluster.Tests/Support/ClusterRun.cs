using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Escalation.Cluster.Tests.Support;

/// <summary>
/// One run of the service against one database: a temporary folder (policy copy, each copy's working folder and
/// log), the settings every copy gets, and a shared clock. Every copy's <c>Escalation:Clock:StartAt</c> is
/// <see cref="DueDeadlines.ClockStart"/> plus the time since the run began, so copies started later, or restarted
/// after a kill, agree on the time as servers with a synchronised clock do.
/// </summary>
public sealed class ClusterRun : IDisposable
{
    /// <summary>The mails each deadline sends under the trimmed policy: stage 2 entered, to the raiser.</summary>
    public const int MailsPerDeadline = 1;

    /// <summary>Due deadlines per run: 10,000, or <c>ESCALATION_CLUSTER_DEADLINES</c> when exploring.</summary>
    public static readonly int DeadlinesPerRun =
        int.TryParse(Environment.GetEnvironmentVariable("ESCALATION_CLUSTER_DEADLINES"), out var count) && count > 0 ? count : 10_000;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<ServiceProcess> _copies = [];
    private readonly Dictionary<string, string> _extra;
    private readonly bool _keep;

    public ClusterRun(DueDeadlines database, Maildev maildev, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(maildev);
        Database = database;
        Maildev = maildev;
        Folder = Directory.CreateTempSubdirectory("escalation-cluster-").FullName;
        Workflows = TrimmedWorkflows(Folder);
        _extra = settings?.ToDictionary() ?? [];
        _keep = Environment.GetEnvironmentVariable("ESCALATION_KEEP_CLUSTER_LOGS") == "1";
    }

    public DueDeadlines Database { get; }

    public Maildev Maildev { get; }

    public string Folder { get; }

    public string Workflows { get; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Starts one more copy of the service (it migrates the database at start-up), with <paramref name="only"/> as its own extra settings.</summary>
    public ServiceProcess StartCopy(string name, IReadOnlyDictionary<string, string>? only = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Escalation:Database:Provider"] = Database.Provider,
            ["ConnectionStrings:Escalation"] = Database.ConnectionString,
            ["Escalation:Clock:StartAt"] = (DueDeadlines.ClockStart + _clock.Elapsed).ToString("O", CultureInfo.InvariantCulture),
            ["Escalation:Workflows:Path"] = Workflows,
            ["Escalation:BaseUrl"] = "http://escalation.test",
            ["Escalation:Smtp:Host"] = "127.0.0.1",
            ["Escalation:Smtp:Port"] = Maildev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Escalation:Smtp:Security"] = "None",
            ["Escalation:Dispatcher:BatchSize"] = "250",
            ["Escalation:Dispatcher:PollInterval"] = "00:00:00.200",
            ["Escalation:Mail:Delivery:BatchSize"] = "100",
            ["Escalation:Mail:Delivery:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Escalation.Services.Timers"] = "Information",
            ["Logging:LogLevel:Escalation.Startup"] = "Information",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging:LogLevel:Escalation.Notifications"] = "Information",
        };
        foreach (var (key, value) in _extra.Concat(only ?? new Dictionary<string, string>()))
            settings[key] = value;
        var copy = ServiceProcess.Start(name, Folder, settings);
        _copies.Add(copy);
        return copy;
    }

    /// <summary>How many stage-1 deadlines are still pending, and how many outbox mails are still to send.</summary>
    public async Task<(long Deadlines, long Mails)> PendingAsync() => (
        await Database.CountAsync("SELECT count(*) FROM timers WHERE kind = 'Deadline' AND stage = 1 AND state = 'Pending'"),
        await Database.CountAsync("SELECT count(*) FROM outbox WHERE state = 'Pending'"));

    /// <summary>How much of the work is done: stage-1 deadlines fired, and mails sent.</summary>
    public async Task<long> DoneAsync() =>
        await Database.CountAsync("SELECT count(*) FROM timers WHERE kind = 'Deadline' AND stage = 1 AND state <> 'Pending'") +
        await Database.CountAsync("SELECT count(*) FROM outbox WHERE state = 'Sent'");

    /// <summary>Waits until <paramref name="done"/> holds for the pending counts; fails if a copy dies or time runs out.</summary>
    public async Task<TimeSpan> WaitUntilAsync(Func<(long Deadlines, long Mails), bool> done, TimeSpan timeout, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (done(await PendingAsync()))
                return stopwatch.Elapsed;
            if (stopwatch.Elapsed > timeout)
                throw new TimeoutException($"Not done within {timeout}: {what}; pending {await PendingAsync()}. Logs: {Folder}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        foreach (var copy in _copies)
            copy.Dispose();
        if (_keep)
            return;
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    /// <summary>
    /// A copy of the repository's workflows/ whose default policy tells only the raiser, and only when stage 2 is
    /// entered: one mail per deadline, so 10,000 deadlines send 10,000 mails. Policy as data: the service is unchanged.
    /// </summary>
    private static string TrimmedWorkflows(string folder)
    {
        var source = Path.Combine(RepositoryPaths.Root, "workflows");
        var target = Directory.CreateDirectory(Path.Combine(folder, "workflows")).FullName;
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        var policyFile = Path.Combine(target, "professional-differences.json");
        var policy = JsonNode.Parse(File.ReadAllText(policyFile))!.AsObject();
        policy["notifications"] = new JsonObject
        {
            ["raised"] = new JsonArray(),
            ["stageEntered"] = new JsonArray("raiser"),
            ["reminder"] = new JsonArray(),
            ["deadlineMissed"] = new JsonArray(),
            ["resolved"] = new JsonArray(),
            ["withdrawn"] = new JsonArray(),
        };
        File.WriteAllText(policyFile, policy.ToJsonString());
        return target;
    }
}
