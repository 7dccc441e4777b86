using System.Globalization;
using Escalation.Core.Decisions;
using Escalation.Services.Decisions;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Decisions;

internal sealed class ChildModel(DecisionGuideCatalog guides) : DecisionStepModel(guides)
{
    [BindProperty]
    public string? ChildReference { get; set; }

    [BindProperty]
    public string? ChildAge { get; set; }

    public override string Back => DecisionSteps.Start;

    protected override string Step => DecisionSteps.Child;

    public string AgeHint => $"In whole years. This guidance covers children up to {Guide.MaxAge}.";

    public void OnGet()
    {
        ChildReference = Draft.ChildReference;
        ChildAge = Draft.ChildAgeYears?.ToString(CultureInfo.InvariantCulture);
    }

    public IActionResult OnPost()
    {
        var reference = Trimmed(ChildReference);
        if (reference is null)
            ModelState.AddModelError(nameof(ChildReference), "Enter the child's reference");
        else if (reference.Length > AssessmentService.ChildReferenceMax)
            ModelState.AddModelError(nameof(ChildReference), $"The reference must be {AssessmentService.ChildReferenceMax} characters or fewer");

        int? age = null;
        if (Trimmed(ChildAge) is not { } ageText)
        {
            ModelState.AddModelError(nameof(ChildAge), "Enter the child's age in years");
        }
        else if (!int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var years))
        {
            ModelState.AddModelError(nameof(ChildAge), "Enter the child's age as a whole number of years, like 14");
        }
        else if (years > Guide.MaxAge && years <= DecisionEvaluator.ImpossibleAge)
        {
            // Out of scope is not a typing error: say so on a page of its own, and keep nothing.
            DecisionDraftStore.Clear(HttpContext);
            return Redirect(DecisionSteps.OutOfScope);
        }
        else
        {
            // The same check, and the same words, as the API's.
            var errors = DecisionEvaluator.Evaluate(Guide, new DecisionAnswers(years)).Errors;
            if (errors.TryGetValue("childAgeYears", out var messages))
                ModelState.AddModelError(nameof(ChildAge), messages[0]);
            else
                age = years;
        }

        if (!ModelState.IsValid)
            return Page();
        Draft.ChildReference = reference;
        Draft.ChildAgeYears = age;
        return SaveAndContinue(DecisionSteps.Partner);
    }
}
