using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Data.Engine;

/// <summary>The directory as it stands, read in three queries: enough to work out relations and mail recipients.</summary>
public sealed class DirectorySnapshot : IDirectoryView
{
    private readonly Dictionary<Guid, DirectoryPerson> _people;
    private readonly ILookup<string, DirectoryPerson> _byRole;

    private DirectorySnapshot(IEnumerable<DirectoryPerson> people)
    {
        _people = people.ToDictionary(p => p.Id);
        _byRole = _people.Values
            .SelectMany(p => p.Roles.Select(r => (Role: r, Person: p)))
            .OrderBy(x => x.Person.Name, StringComparer.Ordinal)
            .ToLookup(x => x.Role, x => x.Person, StringComparer.Ordinal);
    }

    public static async Task<DirectorySnapshot> LoadAsync(EscalationDbContext db, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => u.Email != null)
            .Select(u => new { u.Id, u.Name, u.Email, u.AgencyId, u.ManagerId, u.DeactivatedAt })
            .ToListAsync(ct);
        var roles = await (
                from userRole in db.UserRoles.AsNoTracking()
                join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
                select new { userRole.UserId, role.Name })
            .ToListAsync(ct);
        var partnership = (await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Partnership).Select(a => a.Id)
            .ToListAsync(ct)).ToHashSet();
        var rolesByPerson = roles.ToLookup(r => r.UserId, r => r.Name!);
        return new DirectorySnapshot(people.Select(p => new DirectoryPerson(
            p.Id, p.Name, p.Email!, p.AgencyId, p.ManagerId, rolesByPerson[p.Id].ToHashSet(StringComparer.Ordinal))
        {
            DeactivatedAt = p.DeactivatedAt,
            InPartnershipAgency = partnership.Contains(p.AgencyId),
        }));
    }

    /// <summary>Everyone, deactivated people included: records name them. Use <see cref="Active"/> to offer people.</summary>
    public IEnumerable<DirectoryPerson> People => _people.Values;

    /// <summary>The people who have not left: the ones to offer in pickers and to ask or mail.</summary>
    public IEnumerable<DirectoryPerson> Active => _people.Values.Where(p => !p.IsDeactivated);

    public DirectoryPerson? Find(Guid id) => _people.GetValueOrDefault(id);

    /// <summary>Everyone holding a role who has not left, optionally only in one agency.</summary>
    public IEnumerable<DirectoryPerson> InRole(string role, Guid? agencyId = null) =>
        (agencyId is null ? _byRole[role] : _byRole[role].Where(p => p.AgencyId == agencyId)).Where(p => !p.IsDeactivated);
}
