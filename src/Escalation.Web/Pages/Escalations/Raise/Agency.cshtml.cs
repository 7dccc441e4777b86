using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class AgencyModel(RaiseDraftStore store, EscalationDbContext db, DirectoryCache directoryCache) : RaiseStepModel(store)
{
    [BindProperty]
    public string? AgencyId { get; set; }

    public IReadOnlyList<Choice> Agencies { get; private set; } = [];

    public override string Back => RaiseSteps.Child;

    public async Task OnGetAsync(CancellationToken ct)
    {
        AgencyId = Draft.AgencyId?.ToString();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Guid.TryParse(AgencyId, out var id) || Agencies.All(a => a.Value != id.ToString()))
        {
            ModelState.AddModelError(nameof(AgencyId), "Select the agency that made the decision");
            return Page();
        }

        if (Draft.AgencyId != id)
            Draft.RespondentId = null;
        Draft.AgencyId = id;
        Store.Save(Draft);
        // The professional depends on the agency, so that page always comes next, even when checking answers.
        return Redirect(RaiseSteps.Professional);
    }

    /// <summary>Agencies with someone in them who could be the respondent: another agency's practitioner, manager or senior.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var directory = await directoryCache.ReadAsync(db, ct);
        var raiser = directory.Find(Draft.OwnerId);
        var withPeople = directory.People.Where(p => raiser is not null && RespondentRule.IsValid(raiser, p)).Select(p => p.AgencyId).ToHashSet();
        Agencies = [.. (await db.Agencies.AsNoTracking().ToListAsync(ct))
            .Where(a => withPeople.Contains(a.Id))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new Choice(a.Id.ToString(), a.Name))];
    }
}
