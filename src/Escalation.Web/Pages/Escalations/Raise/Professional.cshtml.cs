using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class ProfessionalModel(RaiseDraftStore store, EscalationDbContext db, DirectoryCache directoryCache) : RaiseStepModel(store)
{
    [BindProperty]
    public string? RespondentId { get; set; }

    public IReadOnlyList<Choice> People { get; private set; } = [];

    public string AgencyName { get; private set; } = string.Empty;

    public override string Back => RaiseSteps.Agency;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        base.OnPageHandlerExecuting(context);
        if (context.Result is null && Draft.AgencyId is null)
            context.Result = Redirect(RaiseSteps.Agency);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        RespondentId = Draft.RespondentId?.ToString();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Guid.TryParse(RespondentId, out var id) || People.All(p => p.Value != id.ToString()))
        {
            ModelState.AddModelError(nameof(RespondentId), "Select the professional whose decision you disagree with");
            return Page();
        }

        Draft.RespondentId = id;
        return SaveAndContinue(RaiseSteps.Decision);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var agencyId = Draft.AgencyId!.Value;
        AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "the agency";
        var directory = await directoryCache.ReadAsync(db, ct);
        People = [.. directory.People
            .Where(p => p.AgencyId == agencyId && p.Id != Draft.OwnerId)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new Choice(p.Id.ToString(), p.Name, p.Email))];
    }
}
