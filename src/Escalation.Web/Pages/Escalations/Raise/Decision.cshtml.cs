using System.Globalization;
using Escalation.Core.Engine;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class DecisionModel(RaiseDraftStore store, DateText dates) : RaiseStepModel(store)
{
    [BindProperty]
    public string? DecisionChallenged { get; set; }

    [BindProperty]
    public DateParts DecisionDate { get; set; } = new();

    public override string Back => RaiseSteps.Professional;

    /// <summary>A date a week ago, as the hint's example: "11 12 2026".</summary>
    public string Example => dates.Today.AddDays(-7).ToString("d M yyyy", CultureInfo.InvariantCulture);

    public void OnGet()
    {
        DecisionChallenged = Draft.DecisionChallenged;
        DecisionDate = DateParts.From(Draft.DecisionDate);
    }

    public IActionResult OnPost()
    {
        var decision = Trimmed(DecisionChallenged);
        if (decision is null)
            ModelState.AddModelError(nameof(DecisionChallenged), "Describe the decision you disagree with");
        else if (decision.Length > RaiseRequestValidator.LongTextMax)
            ModelState.AddModelError(nameof(DecisionChallenged), $"The decision must be {RaiseRequestValidator.LongTextMax:N0} characters or fewer");

        var date = DecisionDate.ToDate();
        if (DecisionDate.IsEmpty)
            ModelState.AddModelError(nameof(DecisionDate), "Enter the date of the decision");
        else if (date is null)
            ModelState.AddModelError(nameof(DecisionDate), "The date of the decision must be a real date, like " + Example);
        else if (date > dates.Today)
            ModelState.AddModelError(nameof(DecisionDate), "The date of the decision must be today or in the past");

        if (!ModelState.IsValid)
            return Page();
        Draft.DecisionChallenged = decision;
        Draft.DecisionDate = date;
        return SaveAndContinue(RaiseSteps.Category);
    }
}
