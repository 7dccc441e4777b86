using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Writes;
using Escalation.Web.Identity;
using Escalation.Web.Pages.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Api;

internal sealed record AgencyDto(Guid Id, string Name, string Kind);

internal sealed record NewAgency(string? Name, string? Kind);

/// <summary>A person as the API shows them. <c>deactivated</c> (an addition to the contract) is true once they have left.</summary>
internal sealed record PersonDto(Guid Id, string Name, string Email, Guid AgencyId, IReadOnlyList<string> Roles, Guid? ManagerId, bool Deactivated = false);

internal sealed record NewPerson(string? Name, string? Email, Guid? AgencyId, IReadOnlyList<string?>? Roles, Guid? ManagerId)
{
    public PersonDetails Details => new(Name, Email, AgencyId, Roles, ManagerId);
}

/// <summary>The directory: agencies and people. Everyone who works on escalations may read it; administrators change it.</summary>
internal static class DirectoryEndpoints
{
    private static readonly string[] Readers =
        [Roles.Practitioner, Roles.Manager, Roles.Senior, Roles.BoardBusinessUnit, Roles.BoardChair, Roles.Admin];

    public static RouteGroupBuilder MapDirectoryEndpoints(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Directory");
        agencies.MapGet("/", ListAgencies).RequireAuthorization(p => p.RequireRole(Readers));
        agencies.MapPost("/", CreateAgency).RequireAuthorization(p => p.RequireRole(Roles.Admin)).Accepts<NewAgency>("application/json");

        var people = api.MapGroup("/people").WithTags("Directory");
        people.MapGet("/", ListPeople).RequireAuthorization(p => p.RequireRole(Readers));
        people.MapPost("/", CreatePerson).RequireAuthorization(p => p.RequireRole(Roles.Admin)).Accepts<NewPerson>("application/json");
        people.MapPersonAdministration();
        return api;
    }

    private static async Task<IResult> ListAgencies(EscalationDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Agencies.AsNoTracking().ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(ToDto).ToList());

    private static async Task<IResult> CreateAgency(HttpContext http, EscalationDbContext db, DatabaseWrites writes, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<NewAgency>(http.Request, ct);
        if (problem is not null)
            return problem;

        var errors = new Dictionary<string, string[]>();
        var name = body!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            errors["name"] = ["Enter the agency's name, in 200 characters or fewer"];
        else if (await db.Agencies.AnyAsync(a => a.Name == name, ct))
            errors["name"] = ["An agency with this name already exists"];
        // Exact names only: Enum.TryParse would also take numbers and comma lists ("Police, Health").
        if (body.Kind is null || !Enum.GetNames<AgencyKind>().Contains(body.Kind, StringComparer.Ordinal))
            errors["kind"] = [$"The kind must be one of: {string.Join(", ", Enum.GetNames<AgencyKind>())}"];
        var kind = errors.ContainsKey("kind") ? default : Enum.Parse<AgencyKind>(body.Kind!);
        if (errors.Count > 0)
            return Problems.Invalid(errors);

        var agency = new Agency { Id = Guid.CreateVersion7(), Name = name!, Kind = kind };
        db.Agencies.Add(agency);
        try
        {
            await using var transaction = await writes.BeginAsync(db, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created the same name between the check and the insert: the unique index refused it.
            return Problems.Invalid("name", "An agency with this name already exists");
        }

        return TypedResults.Created($"/api/agencies/{agency.Id}", ToDto(agency));
    }

    private static async Task<IResult> ListPeople(EscalationDbContext db, DirectoryCache directoryCache, [FromQuery] string? role, [FromQuery(Name = "agencyId")] string? agency,
        CancellationToken ct)
    {
        Guid? agencyId = null;
        if (agency is not null)
        {
            if (!Guid.TryParse(agency, out var parsed))
                return Problems.Invalid("agencyId", "The agency id must be a GUID from GET /api/agencies");
            agencyId = parsed;
        }

        var directory = await directoryCache.ReadAsync(db, ct);
        var people = directory.People
            .Where(p => role is null || p.HasRole(role))
            .Where(p => agencyId is null || p.AgencyId == agencyId)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(ToDto)
            .ToList();
        return TypedResults.Ok(people);
    }

    private static async Task<IResult> CreatePerson(HttpContext http, EscalationDbContext db, DatabaseWrites writes, UserManager<Person> users,
        Invitations invitations, PersonEdits edits, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<NewPerson>(http.Request, ct);
        if (problem is not null)
            return problem;

        var errors = await edits.ValidateAsync(body!.Details, null, ct);
        if (errors.Count > 0)
            return Problems.Invalid(errors);

        var email = body!.Email!.Trim();
        var person = new Person
        {
            Id = Guid.CreateVersion7(), Name = body.Name!.Trim(), Email = email, UserName = email,
            AgencyId = body.AgencyId!.Value, ManagerId = body.ManagerId,
        };
        await using var transaction = await writes.BeginAsync(db, ct);
        var created = await users.CreateAsync(person);
        if (!created.Succeeded)
            return Problems.Invalid("email", string.Join(" ", created.Errors.Select(e => e.Description)));
        var roles = body.Roles!.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        await users.AddToRolesAsync(person, roles);
        await invitations.InviteAsync(person, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/people/{person.Id}",
            new PersonDto(person.Id, person.Name, email, person.AgencyId, [.. roles.Order(StringComparer.Ordinal)], person.ManagerId));
    }

    internal static PersonDto ToDto(DirectoryPerson p) =>
        new(p.Id, p.Name, p.Email, p.AgencyId, [.. p.Roles.Order(StringComparer.Ordinal)], p.ManagerId, p.IsDeactivated);

    private static AgencyDto ToDto(Agency agency) => new(agency.Id, agency.Name, agency.Kind.ToString());
}
