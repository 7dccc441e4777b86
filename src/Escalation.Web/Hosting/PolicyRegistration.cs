using Escalation.Core.Calendar;
using Escalation.Core.Policies;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Escalation.Web.Hosting;

internal static class PolicyRegistration
{
    public const string BankHolidaysFile = "bank-holidays.json";

    /// <summary>
    /// Loads every policy and the bank holidays before the service starts. A definition that is not valid throws,
    /// naming the file and the field, so a running service never holds half a policy.
    /// </summary>
    public static PolicyCatalog LoadCatalog(ContentPaths paths, IConfiguration configuration)
    {
        var zoneId = configuration["Escalation:TimeZone"] ?? WorkingDayCalendar.EuropeLondonId;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException($"Escalation:TimeZone: '{zoneId}' is not a known time zone.", ex);
        }

        var holidays = BankHolidayFile.Load(Path.Combine(paths.Workflows, BankHolidaysFile));
        var policies = PolicyLoader.LoadFolder(paths.Workflows);
        if (policies.All(p => p.Id != PolicyCatalog.DefaultPolicyId))
        {
            throw new InvalidOperationException(
                $"{paths.Workflows}: no '{PolicyCatalog.DefaultPolicyId}' policy is defined; escalations cannot be raised without it.");
        }

        return new PolicyCatalog(policies, new WorkingDayCalendar(zone, holidays.Dates));
    }
}

/// <summary>Ready only when policies are loaded and the calendar still covers today.</summary>
internal sealed class PolicyHealthCheck(PolicyCatalog catalog, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var today = catalog.Calendar.LocalDate(clock.GetUtcNow());
        var description = $"{catalog.Policies.Count} policy version(s) loaded; bank holidays to {catalog.Calendar.LastCoveredYear}";
        var result = catalog.Policies.Count == 0 ? HealthCheckResult.Unhealthy("No policies are loaded")
            : !catalog.Calendar.Covers(today.AddYears(1)) ? HealthCheckResult.Degraded(description + ": add next year's bank holidays")
            : HealthCheckResult.Healthy(description);
        return Task.FromResult(result);
    }
}
