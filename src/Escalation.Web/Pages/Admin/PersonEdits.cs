using System.Net.Mail;
using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Data.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Admin;

/// <summary>A person's details as given to create or change them (the API's body, and the edit page's fields).</summary>
internal sealed record PersonDetails(string? Name, string? Email, Guid? AgencyId, IReadOnlyList<string?>? Roles, Guid? ManagerId);

/// <summary>
/// The rules a person's details must meet, the same when they are added and when they are changed, with errors keyed
/// by the API's field names in the order of the form; and the change itself.
/// </summary>
internal sealed class PersonEdits(EscalationDbContext db, UserManager<Person> users, DatabaseWrites writes)
{
    public const string RolesMessage = "Choose at least one role";

    /// <summary>Checks <paramref name="details"/>; <paramref name="self"/> is the person being changed, or null for a new one.</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(PersonDetails details, Guid? self, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(details.Name) || details.Name.Trim().Length > 200)
            errors["name"] = ["Enter the person's name, in 200 characters or fewer"];
        var email = details.Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            errors["email"] = ["Enter an email address in the right format, like name@example.org"];
        else if (email.ToUpperInvariant() is var normalized && await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != self, ct))
            errors["email"] = ["Someone with this email address is already in the directory"];
        if (details.AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            errors["agencyId"] = ["Choose an agency from the directory"];
        if (details.Roles is not { Count: > 0 } roles || roles.Any(r => r is null || !Roles.All.Contains(r)))
            errors["roles"] = [$"{RolesMessage}, from: {string.Join(", ", Roles.All)}"];
        if (details.ManagerId is { } managerId)
        {
            if (managerId == self)
                errors["managerId"] = ["A person cannot be their own manager"];
            else if (!await db.Users.AnyAsync(u => u.Id == managerId, ct))
                errors["managerId"] = ["The manager must be a person in the directory"];
            else if (await db.Users.AnyAsync(u => u.Id == managerId && u.DeactivatedAt != null, ct))
                errors["managerId"] = ["This manager has left: choose someone who works there now"];
        }

        return errors;
    }

    /// <summary>Changes a person's details, already checked. Changing the email address also changes their user name.</summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(Person person, PersonDetails details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(details);
        var email = details.Email!.Trim();
        await using var transaction = await writes.BeginAsync(db, ct);
        person.Name = details.Name!.Trim();
        person.AgencyId = details.AgencyId!.Value;
        person.ManagerId = details.ManagerId;
        var result = IdentityResult.Success;
        if (!string.Equals(person.Email, email, StringComparison.Ordinal))
        {
            result = await users.SetEmailAsync(person, email);
            if (result.Succeeded)
                result = await users.SetUserNameAsync(person, email);
            // The invitation link proves the new address when it is used; until then it is not confirmed.
        }

        if (result.Succeeded)
            result = await users.UpdateAsync(person);
        var wanted = details.Roles!.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var held = await users.GetRolesAsync(person);
        if (result.Succeeded && held.Except(wanted, StringComparer.Ordinal).ToList() is { Count: > 0 } dropped)
            result = await users.RemoveFromRolesAsync(person, dropped);
        if (result.Succeeded && wanted.Except(held, StringComparer.Ordinal).ToList() is { Count: > 0 } added)
            result = await users.AddToRolesAsync(person, added);
        if (!result.Succeeded)
            return [.. result.Errors.Select(e => e.Description)];
        await transaction.CommitAsync(ct);
        return [];
    }
}
