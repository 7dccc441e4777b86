using Escalation.Core.Engine;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class ConcernModel(RaiseDraftStore store) : RaiseStepModel(store)
{
    [BindProperty]
    public string? Text { get; set; }

    public override string Back => RaiseSteps.LevelOfNeed;

    public void OnGet() => Text = Draft.Concern;

    public IActionResult OnPost()
    {
        var text = Trimmed(Text);
        if (text is null)
            ModelState.AddModelError(nameof(Text), "Describe your concern");
        else if (text.Length > RaiseRequestValidator.LongTextMax)
            ModelState.AddModelError(nameof(Text), $"Your concern must be {RaiseRequestValidator.LongTextMax:N0} characters or fewer");
        if (!ModelState.IsValid)
            return Page();

        Draft.Concern = text;
        return SaveAndContinue(RaiseSteps.Outcome);
    }
}
