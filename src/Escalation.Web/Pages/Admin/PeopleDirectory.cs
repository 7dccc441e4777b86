using System.Net.Mail;
using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Data.Writes;
using Escalation.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Admin;

/// <summary>A person to add, as typed or read from a file. The agency and manager may be named rather than given by id.</summary>
internal sealed record PersonInput(string? Name, string? Email, string? Agency, IReadOnlyList<string> Roles, string? Manager);

/// <summary>What is wrong with one person to add: the field and a message, and the row of the file it came from.</summary>
internal sealed record PersonProblem(int Row, string Field, string Message);

/// <summary>
/// Adds people to the directory, one or many, all or nothing: every person is checked first, then all are created
/// in one transaction, each with an invitation email to set their password.
/// </summary>
internal sealed class PeopleDirectory(EscalationDbContext db, UserManager<Person> users, Invitations invitations, DatabaseWrites writes)
{
    public const int MaxPeople = 1_000;

    /// <summary>Checks every person; if all are right, adds them all and returns no problems; otherwise adds nobody.</summary>
    public async Task<IReadOnlyList<PersonProblem>> AddAsync(IReadOnlyList<PersonInput> people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var existing = await db.Users.AsNoTracking().Where(u => u.Email != null)
            .Select(u => new { u.Id, Email = u.NormalizedEmail! }).ToDictionaryAsync(u => u.Email, u => u.Id, ct);
        var problems = new List<PersonProblem>();
        var inFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var valid = new List<(int Row, Person Person, IReadOnlyList<string> Roles, string? ManagerEmail)>();
        for (var i = 0; i < people.Count; i++)
        {
            var row = i + 1;
            var input = people[i];
            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new PersonProblem(row, field, message));

            var name = input.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 200)
                Problem("name", "Enter the person's name, in 200 characters or fewer");
            var email = input.Email?.Trim();
            if (string.IsNullOrEmpty(email) || email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
                Problem("email", "Enter an email address in the right format, like name@example.org");
            else if (existing.ContainsKey(email.ToUpperInvariant()))
                Problem("email", $"{email} is already in the directory");
            else if (!inFile.TryAdd(email, row))
                Problem("email", $"{email} appears more than once");
            var agency = agencies.FirstOrDefault(a => a.Id.ToString() == input.Agency?.Trim()
                || string.Equals(a.Name, input.Agency?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (agency is null)
                Problem("agency", string.IsNullOrWhiteSpace(input.Agency) ? "Choose the person's agency" : $"There is no agency called '{input.Agency.Trim()}'");
            var roles = input.Roles.Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
            var unknown = roles.FirstOrDefault(r => !Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase));
            if (roles.Count == 0 || unknown is not null)
                Problem("roles", unknown is null ? "Choose at least one role" : $"'{unknown}' is not a role. The roles are: {string.Join(", ", Roles.All)}");

            if (problems.Count == before)
            {
                var person = new Person
                {
                    Id = Guid.CreateVersion7(), Name = name!, Email = email, UserName = email, AgencyId = agency!.Id,
                };
                var canonical = roles.Select(r => Roles.All.First(k => string.Equals(k, r, StringComparison.OrdinalIgnoreCase))).Distinct().ToList();
                valid.Add((row, person, canonical, input.Manager?.Trim() is { Length: > 0 } m ? m : null));
            }
        }

        // Managers may be in the directory already, or earlier or later in the same file.
        var ids = valid.ToDictionary(v => v.Person.Email!, v => v.Person.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var (row, person, _, manager) in valid)
        {
            if (manager is null)
                continue;
            if (Guid.TryParse(manager, out var managerId) && existing.ContainsValue(managerId))
                person.ManagerId = managerId;
            else if (existing.TryGetValue(manager.ToUpperInvariant(), out var known) || ids.TryGetValue(manager, out known))
                person.ManagerId = known;
            else
                problems.Add(new PersonProblem(row, "manager", $"The manager '{manager}' is not in the directory or the file"));
            if (person.ManagerId == person.Id)
                problems.Add(new PersonProblem(row, "manager", "A person cannot be their own manager"));
        }

        if (problems.Count > 0)
            return [.. problems.OrderBy(p => p.Row)];
        return await CreateAllAsync(valid.Select(v => (v.Row, v.Person, v.Roles)).ToList(), ct);
    }

    private async Task<IReadOnlyList<PersonProblem>> CreateAllAsync(List<(int Row, Person Person, IReadOnlyList<string> Roles)> people, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        var created = new HashSet<Guid>();
        var batch = people.Select(p => p.Person.Id).ToHashSet();
        while (created.Count < people.Count)
        {
            // A manager from the same file is created before the people they manage.
            var ready = people.Where(p => !created.Contains(p.Person.Id)
                && (p.Person.ManagerId is not { } m || !batch.Contains(m) || created.Contains(m))).ToList();
            if (ready.Count == 0)
                return [.. people.Where(p => !created.Contains(p.Person.Id)).Select(p => new PersonProblem(p.Row, "manager", "These people manage each other in a circle"))];
            foreach (var (row, person, roles) in ready)
            {
                var result = await users.CreateAsync(person);
                if (result.Succeeded)
                    result = await users.AddToRolesAsync(person, roles);
                if (!result.Succeeded)
                    return [new PersonProblem(row, "email", string.Join(" ", result.Errors.Select(e => e.Description)))];
                await invitations.InviteAsync(person, ct);
                created.Add(person.Id);
            }
        }

        await transaction.CommitAsync(ct);
        return [];
    }
}
