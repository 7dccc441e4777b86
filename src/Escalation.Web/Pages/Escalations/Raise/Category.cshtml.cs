using Escalation.Core.Policies;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class CategoryModel(RaiseDraftStore store, PolicyCatalog catalog) : RaiseStepModel(store)
{
    [BindProperty]
    public string? Category { get; set; }

    public IReadOnlyList<Choice> Categories =>
        [.. catalog.Current(PolicyCatalog.DefaultPolicyId)!.Categories.Select(c => new Choice(c.Key, c.Label))];

    public override string Back => RaiseSteps.Decision;

    public void OnGet() => Category = Draft.Category;

    public IActionResult OnPost()
    {
        if (Categories.All(c => c.Value != Category))
        {
            ModelState.AddModelError(nameof(Category), "Select what the disagreement is about");
            return Page();
        }

        Draft.Category = Category;
        return SaveAndContinue(RaiseSteps.LevelOfNeed);
    }
}
