using Escalation.Services.Decisions;
using Escalation.Services.Escalations;
using Escalation.Services.Sessions;
using Escalation.Services.Timers;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Services;

/// <summary>The one registration of the application services.</summary>
public static class ServicesRegistration
{
    /// <summary>
    /// Raising and moving escalations, assessments and their approvals, the timers and the one worker that fires them,
    /// and the session store for half-finished forms. Needs <c>AddEscalationData</c>, a <c>PolicyCatalog</c>, a
    /// <c>DecisionGuideCatalog</c> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddEscalationServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<EscalationService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<AssessmentApprovalService>();
        services.AddScoped<AssessmentList>();

        services.Configure<DispatcherOptions>(configuration.GetSection("Escalation:Dispatcher"));
        services.AddSingleton<WakeSignal>();
        services.AddScoped<TimerProcessor>();
        services.AddScoped<ITimerHandler, EscalationTimers>();
        services.AddScoped<ITimerHandler, DecisionReviews>();
        services.AddSingleton<TimerRunner>();
        services.AddHostedService<PollingWorker<TimerRunner>>();

        // The answers of a half-finished form live in the session, kept in the database (not in the escalation tables)
        // so that any copy of the service behind a load balancer can carry on the journey.
        services.AddSingleton<IDistributedCache, DatabaseDistributedCache>();
        return services;
    }
}
