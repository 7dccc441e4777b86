using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Web.Identity;
using Escalation.Web.Pages.Admin;
using Microsoft.AspNetCore.Identity;

namespace Escalation.Web.Api;

internal sealed record HandoverDto(Guid EscalationId, string Reference, string Part, IReadOnlyList<string> TakesOver);

internal sealed record DeactivationDto(PersonDto Person, IReadOnlyList<HandoverDto> Handovers);

/// <summary>
/// Contract additions for administrators: change a person (<c>PUT /api/people/{id}</c>, the same body and rules as
/// creating one), deactivate or reactivate them, and send a new invitation.
/// </summary>
internal static class PersonAdminEndpoints
{
    public static RouteGroupBuilder MapPersonAdministration(this RouteGroupBuilder people)
    {
        var admin = people.MapGroup("/{id:guid}").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapPut("/", Update).Accepts<NewPerson>("application/json");
        admin.MapPost("/deactivate", Deactivate);
        admin.MapPost("/reactivate", Reactivate);
        admin.MapPost("/invitation", Invite);
        return people;
    }

    private static async Task<IResult> Update(Guid id, HttpContext http, UserManager<Person> users, PersonEdits edits, EscalationDbContext db,
        DirectoryCache directoryCache, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<NewPerson>(http.Request, ct);
        if (problem is not null)
            return problem;
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null)
            return Problems.NotFound();
        var errors = await edits.ValidateAsync(body!.Details, id, ct);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var failures = await edits.UpdateAsync(person, body.Details, ct);
        if (failures.Count > 0)
            return Problems.Invalid("email", string.Join(" ", failures));
        return await Current(id, db, directoryCache, ct);
    }

    private static async Task<IResult> Deactivate(Guid id, HttpContext http, Departures departures, EscalationDbContext db,
        DirectoryCache directoryCache, CancellationToken ct)
    {
        var (outcome, handovers) = await departures.DeactivateAsync(id, http.User.PersonId(), ct);
        if (outcome == DepartureOutcome.NotFound)
            return Problems.NotFound();
        if (outcome == DepartureOutcome.Refused)
            return Problems.Conflict("You cannot deactivate your own account. Ask another administrator.");
        var directory = await directoryCache.ReadAsync(db, ct);
        return TypedResults.Ok(new DeactivationDto(DirectoryEndpoints.ToDto(directory.Find(id)!),
            [.. handovers.Select(h => new HandoverDto(h.EscalationId, h.Reference, h.Part, h.TakesOver))]));
    }

    private static async Task<IResult> Reactivate(Guid id, Departures departures, EscalationDbContext db, DirectoryCache directoryCache, CancellationToken ct) =>
        await departures.ReactivateAsync(id) switch
        {
            DepartureOutcome.NotFound => Problems.NotFound(),
            DepartureOutcome.Refused => Problems.Conflict("The person could not be reactivated. Try again."),
            _ => await Current(id, db, directoryCache, ct),
        };

    private static async Task<IResult> Invite(Guid id, UserManager<Person> users, Invitations invitations, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null)
            return Problems.NotFound();
        var refusal = await invitations.ResendAsync(person, ct);
        return refusal is null ? TypedResults.NoContent() : Problems.Conflict(refusal);
    }

    private static async Task<IResult> Current(Guid id, EscalationDbContext db, DirectoryCache directoryCache, CancellationToken ct) =>
        (await directoryCache.ReadAsync(db, ct)).Find(id) is { } person ? TypedResults.Ok(DirectoryEndpoints.ToDto(person)) : Problems.NotFound();
}
