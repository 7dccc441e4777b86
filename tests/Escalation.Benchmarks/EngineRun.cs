using System.Diagnostics;
using Escalation.Core.Calendar;
using Escalation.Core.Decisions;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Services;
using Escalation.Services.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Escalation.Benchmarks;

/// <summary>The engine, wired as the host wires it, firing every due timer through <see cref="TimerProcessor"/>.</summary>
internal static class EngineRun
{
    public const string MessageIdDomain = "escalation.example.org";

    /// <summary>
    /// The policies and calendar exactly as <c>PolicyRegistration.LoadCatalog</c> builds them (the Web project is not
    /// referenced): the repository's <c>workflows/</c>, its bank holidays, Europe/London.
    /// </summary>
    public static PolicyCatalog LoadCatalog()
    {
        var workflows = FindWorkflows();
        var holidays = BankHolidayFile.Load(Path.Combine(workflows, "bank-holidays.json"));
        var policies = PolicyLoader.LoadFolder(workflows);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(WorkingDayCalendar.EuropeLondonId);
        return new PolicyCatalog(policies, new WorkingDayCalendar(zone, holidays.Dates));
    }

    /// <summary>Fires due timers in batches, each in a fresh scope as the dispatcher does, until none is left.</summary>
    public static async Task<TimeSpan> RunAsync(string connectionString, PolicyCatalog catalog, int batchSize)
    {
        await using var provider = BuildServices(connectionString, catalog);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = provider.CreateAsyncScope();
            var fired = await scope.ServiceProvider.GetRequiredService<TimerProcessor>().FireDueAsync(batchSize);
            if (fired == 0)
                break;
        }

        return stopwatch.Elapsed;
    }

    /// <summary>
    /// The host's own registration (DbContext, its EscalationDbContext alias, SqlDialect.Sqlite, EngineSettings,
    /// TimerProcessor), with a stopped clock. Its hosted dispatcher is registered but never started: no host runs here.
    /// </summary>
    public static ServiceProvider BuildServices(string connectionString, PolicyCatalog catalog) =>
        BuildServices(connectionString, catalog, new FixedClock(Seeder.Now), dispatcher: false);

    /// <summary>As above with a given clock, and with the hosted dispatcher switched on or off (it starts only if started).</summary>
    public static ServiceProvider BuildServices(string connectionString, PolicyCatalog catalog, TimeProvider clock, bool dispatcher,
        string provider = "Sqlite", ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Escalation"] = connectionString,
            ["Escalation:Database:Provider"] = provider,
            ["Escalation:BaseUrl"] = "https://" + MessageIdDomain,
            ["Escalation:Dispatcher:Enabled"] = dispatcher ? "true" : "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton(catalog);
        services.AddLogging(logging =>
        {
            if (logs is not null)
                logging.AddProvider(logs);
        });
        services.AddSingleton(new DecisionGuideCatalog(DecisionGuideLoader.LoadFolder(FindWorkflows())));
        services.AddEscalationData(configuration);
        services.AddEscalationServices(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static string FindWorkflows()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (File.Exists(Path.Combine(candidate, "bank-holidays.json")))
                    return candidate;
            }
        }

        throw new DirectoryNotFoundException("No workflows/ folder with bank-holidays.json above the working directory or the binaries.");
    }
}
