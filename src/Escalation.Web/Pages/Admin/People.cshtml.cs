using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Admin;

internal sealed record PersonRow(Guid Id, string Name, string Email, string Agency, string Roles, string Manager, bool Left);

internal sealed class PeopleModel(EscalationDbContext db, DirectoryCache directoryCache) : PageModel
{
    [TempData]
    public string? Banner { get; set; }

    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var directory = await directoryCache.ReadAsync(db, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        People = [.. directory.People
            .OrderBy(p => agencies.GetValueOrDefault(p.AgencyId), StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => ToRow(p, directory, agencies))];
    }

    public static PersonRow ToRow(DirectoryPerson p, DirectorySnapshot directory, IReadOnlyDictionary<Guid, string> agencies) =>
        new(p.Id, p.Name, p.Email, agencies.GetValueOrDefault(p.AgencyId) ?? "None",
            string.Join(", ", p.Roles.Order(StringComparer.Ordinal)),
            p.ManagerId is { } m && directory.Find(m) is { } manager ? manager.Name + (manager.IsDeactivated ? " (left)" : "") : "None",
            p.IsDeactivated);
}
