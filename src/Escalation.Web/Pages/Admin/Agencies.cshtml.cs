using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Data.Writes;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Admin;

internal sealed record AgencyRow(string Name, AgencyKind Kind, int People);

internal sealed class AgenciesModel(EscalationDbContext db, DatabaseWrites writes) : PageModel
{
    public static readonly IReadOnlyList<Choice> Kinds = [.. Enum.GetValues<AgencyKind>().Select(k => new Choice(k.ToString(), KindText(k)))];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];

    public static string KindText(AgencyKind kind) => kind switch
    {
        AgencyKind.ChildrensSocialCare => "Children's Social Care",
        AgencyKind.GeneralPractice => "General practice",
        AgencyKind.EarlyYears => "Early years",
        AgencyKind.YouthService => "Youth service",
        AgencyKind.VoluntarySector => "Voluntary sector",
        _ => kind.ToString(),
    };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            ModelState.AddModelError(nameof(Name), "Enter the agency's name, in 200 characters or fewer");
        else if (await db.Agencies.AnyAsync(a => a.Name == name, ct))
            ModelState.AddModelError(nameof(Name), "An agency with this name already exists");
        if (!Enum.TryParse<AgencyKind>(Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
            ModelState.AddModelError(nameof(Kind), "Choose the kind of agency");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        await using (var transaction = await writes.BeginAsync(db, ct))
        {
            db.Agencies.Add(new Agency { Id = Guid.CreateVersion7(), Name = name!, Kind = kind });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        Banner = $"{name} has been added.";
        return Redirect("/admin/agencies");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var counts = await db.Users.AsNoTracking().GroupBy(u => u.AgencyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Agencies = [.. (await db.Agencies.AsNoTracking().ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new AgencyRow(a.Name, a.Kind, counts.GetValueOrDefault(a.Id)))];
    }
}
