using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Escalation.Web.Health;

internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();

        health.MapGet("/live", () => TypedResults.Ok(new HealthReportBody("Healthy", [])))
            .WithName("Live")
            .WithSummary("The process is up.");

        health.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("The database is reachable and the policies are loaded.");

        return app;
    }

    private static async Task<Results<Ok<HealthReportBody>, JsonHttpResult<HealthReportBody>>> Ready(
        HealthCheckService checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken);
        var body = new HealthReportBody(
            report.Status.ToString(),
            [.. report.Entries.Select(e => new HealthCheckBody(e.Key, e.Value.Status.ToString(), e.Value.Description))]);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);
    }
}

internal sealed record HealthReportBody(string Status, IReadOnlyList<HealthCheckBody> Checks);

internal sealed record HealthCheckBody(string Name, string Status, string? Description);
