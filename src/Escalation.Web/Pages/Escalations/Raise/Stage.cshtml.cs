using System.Globalization;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class StageModel(RaiseDraftStore store, PolicyCatalog catalog) : RaiseStepModel(store)
{
    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    private PolicyDefinition Policy => catalog.Current(PolicyCatalog.DefaultPolicyId)!;

    public IReadOnlyList<Choice> Stages =>
        [.. Policy.Stages.Select(s => new Choice(s.Number.ToString(CultureInfo.InvariantCulture),
            $"Stage {s.Number}: {s.Title}", $"Dealt with by {PolicyWords.WhoActs(s.WhoActs)}"))];

    /// <summary>The stages that need a reason: choosing any of them shows the question.</summary>
    public IReadOnlyList<string> StagesAboveFirst =>
        [.. Policy.Stages.Where(s => s.Number != Policy.FirstStage).Select(s => s.Number.ToString(CultureInfo.InvariantCulture))];

    public override string Back => RaiseSteps.Track;

    public void OnGet()
    {
        Stage = (Draft.StartAtStage ?? Policy.FirstStage).ToString(CultureInfo.InvariantCulture);
        Reason = Draft.StartAtStageReason;
    }

    public IActionResult OnPost()
    {
        var reason = Trimmed(Reason);
        if (!int.TryParse(Stage, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || Policy.Stages.All(s => s.Number != number))
            ModelState.AddModelError(nameof(Stage), "Select the stage to start at");
        else if (number != Policy.FirstStage && reason is null)
            ModelState.AddModelError(nameof(Reason), "Say why the escalation should start above stage 1");
        if (reason is { Length: > RaiseRequestValidator.LongTextMax })
            ModelState.AddModelError(nameof(Reason), $"The reason must be {RaiseRequestValidator.LongTextMax:N0} characters or fewer");
        if (!ModelState.IsValid)
            return Page();

        Draft.StartAtStage = number;
        Draft.StartAtStageReason = number == Policy.FirstStage ? null : reason;
        return SaveAndContinue(RaiseSteps.CheckAnswers);
    }
}
