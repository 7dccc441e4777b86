using Escalation.Core.Engine;
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
        var directory = await LoadAsync(ct);
        if (!Guid.TryParse(RespondentId, out var id) || People.All(p => p.Value != id.ToString()))
        {
            // Someone not offered: the API's refusal, in its words, where the respondent rule is why.
            var fault = directory.Find(Draft.OwnerId) is { } raiser && id != Guid.Empty ? RespondentRule.Check(raiser, directory.Find(id)) : RespondentFault.None;
            ModelState.AddModelError(nameof(RespondentId), fault is RespondentFault.None or RespondentFault.NotInDirectory
                ? "Select the professional whose decision you disagree with"
                : RespondentRule.ForRaiser(fault));
            return Page();
        }

        Draft.RespondentId = id;
        return SaveAndContinue(RaiseSteps.Decision);
    }

    private async Task<DirectorySnapshot> LoadAsync(CancellationToken ct)
    {
        var agencyId = Draft.AgencyId!.Value;
        AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "the agency";
        var directory = await directoryCache.ReadAsync(db, ct);
        var raiser = directory.Find(Draft.OwnerId);
        People = [.. directory.People
            .Where(p => p.AgencyId == agencyId && raiser is not null && RespondentRule.IsValid(raiser, p))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new Choice(p.Id.ToString(), p.Name, p.Email))];
        return directory;
    }
}
