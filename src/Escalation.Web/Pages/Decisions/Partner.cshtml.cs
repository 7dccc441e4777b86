using System.Globalization;
using Escalation.Core.Decisions;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Decisions;

internal sealed class PartnerModel(DecisionGuideCatalog guides) : DecisionStepModel(guides)
{
    [BindProperty]
    public string? PartnerAge { get; set; }

    [BindProperty]
    public List<string> Flags { get; set; } = [];

    public IReadOnlyList<Choice> FlagChoices => [.. Guide.PartnerFlags.Select(f => new Choice(f.Key, f.Label, f.Help))];

    public override string Back => Draft.SeenResult ? DecisionSteps.Result : DecisionSteps.Child;

    protected override string Step => DecisionSteps.Partner;

    public void OnGet()
    {
        PartnerAge = Draft.PartnerAgeYears?.ToString(CultureInfo.InvariantCulture);
        Flags = [.. Draft.PartnerFlags];
    }

    public IActionResult OnPost()
    {
        int? age = null;
        if (Trimmed(PartnerAge) is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years))
            {
                ModelState.AddModelError(nameof(PartnerAge), "Enter the partner's age as a whole number of years, or leave it empty");
            }
            else
            {
                var errors = DecisionEvaluator.Evaluate(Guide, new DecisionAnswers(Draft.ChildAgeYears, years)).Errors;
                if (errors.TryGetValue("partnerAgeYears", out var messages))
                    ModelState.AddModelError(nameof(PartnerAge), messages[0]);
                else
                    age = years;
            }
        }

        if (Flags.Any(f => Guide.PartnerFlags.All(p => p.Key != f)))
            ModelState.AddModelError(nameof(Flags), "Select only the statements listed");
        if (!ModelState.IsValid)
            return Page();
        Draft.PartnerAgeYears = age;
        Draft.PartnerFlags = [.. Flags.Distinct(StringComparer.Ordinal)];
        Draft.PartnerAnswered = true;
        return SaveAndContinue(DecisionSteps.RiskFactors);
    }
}
