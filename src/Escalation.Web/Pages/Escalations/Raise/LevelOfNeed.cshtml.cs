using System.Globalization;
using Escalation.Core.Policies;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class LevelOfNeedModel(RaiseDraftStore store, PolicyCatalog catalog) : RaiseStepModel(store)
{
    [BindProperty]
    public string? Level { get; set; }

    public IReadOnlyList<Choice> Levels =>
        [.. catalog.Current(PolicyCatalog.DefaultPolicyId)!.LevelsOfNeed.Select(l =>
            new Choice(l.Level.ToString(CultureInfo.InvariantCulture), l.Label))];

    public override string Back => RaiseSteps.Category;

    public void OnGet() => Level = Draft.LevelOfNeed?.ToString(CultureInfo.InvariantCulture);

    public IActionResult OnPost()
    {
        if (Levels.All(l => l.Value != Level))
        {
            ModelState.AddModelError(nameof(Level), "Select the child's level of need");
            return Page();
        }

        Draft.LevelOfNeed = int.Parse(Level!, CultureInfo.InvariantCulture);
        return SaveAndContinue(RaiseSteps.Concern);
    }
}
