using System.Globalization;
using Escalation.Core.Engine;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class ChildModel(RaiseDraftStore store) : RaiseStepModel(store)
{
    [BindProperty]
    public string? ChildReference { get; set; }

    [BindProperty]
    public string? ChildAge { get; set; }

    public override string Back => Draft.ChildAtImmediateRisk == true ? RaiseSteps.Referral : RaiseSteps.ImmediateRisk;

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
        else if (reference.Length > RaiseRequestValidator.ShortTextMax)
            ModelState.AddModelError(nameof(ChildReference), $"The reference must be {RaiseRequestValidator.ShortTextMax} characters or fewer");

        int? age = null;
        if (Trimmed(ChildAge) is { } ageText)
        {
            if (int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 17)
                age = years;
            else
                ModelState.AddModelError(nameof(ChildAge), "Enter the child's age as a whole number from 0 to 17, or leave it empty");
        }

        if (!ModelState.IsValid)
            return Page();
        Draft.ChildReference = reference;
        Draft.ChildAgeYears = age;
        return SaveAndContinue(RaiseSteps.Agency);
    }
}
