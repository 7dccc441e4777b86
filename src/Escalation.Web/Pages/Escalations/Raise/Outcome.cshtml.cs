using Escalation.Core.Engine;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class OutcomeModel(RaiseDraftStore store) : RaiseStepModel(store)
{
    [BindProperty]
    public string? Text { get; set; }

    public override string Back => RaiseSteps.Concern;

    public void OnGet() => Text = Draft.DesiredOutcome;

    public IActionResult OnPost()
    {
        var text = Trimmed(Text);
        if (text is null)
            ModelState.AddModelError(nameof(Text), "Say what outcome you want");
        else if (text.Length > RaiseRequestValidator.LongTextMax)
            ModelState.AddModelError(nameof(Text), $"The outcome must be {RaiseRequestValidator.LongTextMax:N0} characters or fewer");
        if (!ModelState.IsValid)
            return Page();

        Draft.DesiredOutcome = text;
        return SaveAndContinue(RaiseSteps.Track);
    }
}
