using Escalation.Data;
using Escalation.Notifications;
using Escalation.Services;
using Escalation.Web.Api;
using Escalation.Web.Health;
using Escalation.Web.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Escalation.Web.Hosting;

internal static class EscalationHost
{
    /// <summary>Registers everything the service needs; each outer project adds its own part.</summary>
    public static WebApplicationBuilder AddEscalation(this WebApplicationBuilder builder)
    {
        var paths = ContentPaths.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.TryAddSingleton(paths);
        builder.Services.AddEscalationClock(builder.Configuration);
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddDecisionGuides(paths);
        builder.Services.AddEscalationData(builder.Configuration);
        builder.Services.AddEscalationServices(builder.Configuration);
        // One key ring for every copy of the service, kept in the database: a sign-in cookie, bearer token or
        // anti-forgery token issued by one copy is accepted by all of them, so a load balancer needs no sticky sessions.
        builder.Services.AddDataProtection().SetApplicationName("Escalation").PersistKeysToDbContext<EscalationDbContext>();
        builder.Services.AddEscalationNotifications(builder.Configuration, paths.Templates);
        Escalation.Reports.ReportsRegistration.AddEscalationReports(builder.Services, builder.Configuration, paths.Templates);
        builder.Services.AddEscalationIdentity();
        builder.Services.AddEscalationApi();
        builder.Services.AddEscalationHardening();
        builder.Services.AddEscalationUi();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<EscalationDbContext>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<PolicyHealthCheck>("policies", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddSingleton(PolicyRegistration.LoadCatalog(paths, builder.Configuration));
        return builder;
    }

    /// <summary>One structured line saying what this copy of the service runs on.</summary>
    public static void LogStartup(this WebApplication app)
    {
        var paths = app.Services.GetRequiredService<ContentPaths>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var provider = app.Configuration["Escalation:Database:Provider"] ?? "Sqlite";
        var database = DatabaseDescription.Safe(app.Configuration);
        var clockDescription = ClockRegistration.Describe(clock);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Escalation.Startup");
        Log.Starting(logger, provider, database, paths.Workflows, clockDescription);
    }
}

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Escalation service starting: database {DatabaseProvider} {Database}, workflows {WorkflowsPath}, clock {Clock}")]
    public static partial void Starting(ILogger logger, string databaseProvider, string database, string workflowsPath, string clock);
}
