using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class TrackModel(RaiseDraftStore store, PolicyCatalog catalog) : RaiseStepModel(store)
{
    [BindProperty]
    public string? Track { get; set; }

    [BindProperty]
    public string? UrgentReason { get; set; }

    public IReadOnlyList<Choice> Tracks
    {
        get
        {
            var policy = catalog.Current(PolicyCatalog.DefaultPolicyId)!;
            string First(Core.Policies.Track track) => PolicyWords.Deadline(policy.Timescale(track, policy.FirstStage).Deadline);
            return
            [
                new("standard", "Standard", $"Each stage has about {First(Core.Policies.Track.Standard)} to resolve it."),
                new("urgent", "Urgent", $"Each stage has about {First(Core.Policies.Track.Urgent)}. Use this when waiting would leave the child at risk."),
            ];
        }
    }

    public override string Back => RaiseSteps.Outcome;

    public void OnGet()
    {
        Track = Draft.Track;
        UrgentReason = Draft.UrgentReason;
    }

    public IActionResult OnPost()
    {
        var reason = Trimmed(UrgentReason);
        if (Track is not ("standard" or "urgent"))
            ModelState.AddModelError(nameof(Track), "Select how quickly this needs resolving");
        else if (Track == "urgent" && reason is null)
            ModelState.AddModelError(nameof(UrgentReason), "Say why it is urgent");
        if (reason is { Length: > RaiseRequestValidator.LongTextMax })
            ModelState.AddModelError(nameof(UrgentReason), $"The reason must be {RaiseRequestValidator.LongTextMax:N0} characters or fewer");
        if (!ModelState.IsValid)
            return Page();

        Draft.Track = Track;
        Draft.UrgentReason = Track == "urgent" ? reason : null;
        return SaveAndContinue(RaiseSteps.Stage);
    }
}
