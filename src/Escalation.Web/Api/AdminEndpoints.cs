using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Escalation.Notifications.Admin;

namespace Escalation.Web.Api;

/// <summary>Administrators see mails that could not be delivered, and send one again.</summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var outbox = api.MapGroup("/admin/outbox").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        outbox.MapGet("/", List);
        outbox.MapPost("/{id:guid}/retry", Retry);
        return api;
    }

    private static async Task<IResult> List(string? state, OutboxAdmin admin, CancellationToken ct)
    {
        var wanted = OutboxState.Failed;
        if (state is not null && (!Enum.TryParse(state, ignoreCase: true, out wanted) || !Enum.IsDefined(wanted) || int.TryParse(state, out _)))
            return Problems.Invalid("state", "The state must be pending, sent or failed");
        return TypedResults.Ok(await admin.ListAsync(wanted, ct: ct));
    }

    private static async Task<IResult> Retry(Guid id, OutboxAdmin admin, CancellationToken ct) =>
        await admin.RetryAsync(id, ct)
            ? TypedResults.Accepted($"/api/admin/outbox?state=pending")
            : Problems.Conflict("There is no failed mail with this id: it may have been sent or retried already.");
}
