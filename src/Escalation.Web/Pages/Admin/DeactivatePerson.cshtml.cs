using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Admin;

/// <summary>Asks before deactivating someone who leaves, naming who takes over each open escalation they act on.</summary>
internal sealed class DeactivatePersonModel(EscalationDbContext db, DirectoryCache directoryCache, Departures departures) : PageModel
{
    [TempData]
    public string? Banner { get; set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public bool IsSelf { get; private set; }

    public IReadOnlyList<Handover> Handovers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = (await directoryCache.ReadAsync(db, ct)).Find(id);
        if (person is null || person.IsDeactivated)
            return NotFound();
        Id = id;
        Name = person.Name;
        IsSelf = id == User.PersonId();
        Handovers = await departures.HandoversAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (outcome, handovers) = await departures.DeactivateAsync(id, User.PersonId(), ct);
        if (outcome == DepartureOutcome.NotFound)
            return NotFound();
        if (outcome == DepartureOutcome.Refused)
            return await OnGetAsync(id, ct);
        var name = (await directoryCache.ReadAsync(db, ct)).Find(id)?.Name ?? "The person";
        Banner = handovers.Count == 0
            ? $"{name} has been deactivated and can no longer sign in."
            : $"{name} has been deactivated and can no longer sign in. The board business unit has been told who takes over their open escalations.";
        return Redirect($"/admin/people/{id}");
    }
}
