using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using Escalation.Core.Time;

namespace Escalation.Web.Hosting;

internal static class ClockRegistration
{
    /// <summary>
    /// Registers the one clock the service uses. <c>Escalation:Clock:StartAt</c> shifts it, for training and acceptance tests.
    /// A clock already registered (a test's FakeTimeProvider) wins.
    /// </summary>
    public static IServiceCollection AddEscalationClock(this IServiceCollection services, IConfiguration configuration)
    {
        var startAt = configuration["Escalation:Clock:StartAt"];
        TimeProvider clock = TimeProvider.System;
        if (!string.IsNullOrWhiteSpace(startAt))
        {
            if (!DateTimeOffset.TryParse(startAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                throw new InvalidOperationException(
                    $"Escalation:Clock:StartAt: '{startAt}' is not an ISO 8601 instant, for example 2026-12-18T10:00:00Z.");
            }

            clock = new ShiftedTimeProvider(instant);
        }

        services.TryAddSingleton(clock);
        return services;
    }

    public static string Describe(TimeProvider clock) => clock switch
    {
        ShiftedTimeProvider shifted => $"SHIFTED: started at {shifted.StartAt:O}, now {shifted.GetUtcNow():O}",
        _ when clock == TimeProvider.System => "system clock",
        _ => $"{clock.GetType().Name}, now {clock.GetUtcNow():O}",
    };
}
