using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Web.Pages.Govuk;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Admin;

/// <summary>The agencies, and the people who may be chosen as a line manager: managers and seniors who have not left.</summary>
internal static class ManagerChoices
{
    public static async Task<(IReadOnlyList<Choice> Agencies, IReadOnlyList<Choice> Managers)> LoadAsync(
        EscalationDbContext db, DirectoryCache directoryCache, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var people = await directoryCache.ReadAsync(db, ct);
        return (
            [.. agencies.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new Choice(a.Id.ToString(), a.Name))],
            [.. people.Active
                .Where(p => p.HasRole(Roles.Manager) || p.HasRole(Roles.Senior))
                .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => new Choice(p.Id.ToString(), $"{p.Name} ({names.GetValueOrDefault(p.AgencyId)})"))]);
    }
}
