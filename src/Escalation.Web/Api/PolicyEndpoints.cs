using Escalation.Core.Policies;

namespace Escalation.Web.Api;

internal sealed record PolicySummaryDto(string Id, int Version, string Title, bool Current);

internal static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies");
        policies.MapGet("/", (PolicyCatalog catalog) => TypedResults.Ok(catalog.Policies
            .Select(p => new PolicySummaryDto(p.Id, p.Version, p.Title, catalog.Current(p.Id)?.Version == p.Version)).ToList()));
        policies.MapGet("/{id}/diagram", (string id, string? version, PolicyCatalog catalog) =>
            version is not null && !int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? Problems.Invalid("version", "The version must be a whole number, such as 1")
                : (version is null ? catalog.Current(id) : catalog.Find(id, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture))) is { } policy
                    ? Results.Text(PolicyDiagram.ToMermaid(policy), "text/plain; charset=utf-8")
                    : Problems.NotFound())
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return api;
    }
}
