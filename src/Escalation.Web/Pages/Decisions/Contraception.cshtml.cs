using Escalation.Core.Decisions;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Decisions;

internal sealed class ContraceptionModel(DecisionGuideCatalog guides) : DecisionStepModel(guides)
{
    [BindProperty]
    public string? Answer { get; set; }

    public override string Back => Draft.SeenResult ? DecisionSteps.Result : DecisionSteps.WarningSigns;

    protected override string Step => DecisionSteps.Contraception;

    public string Hint => Draft.ChildAgeYears < Guide.Fraser.AppliesUnderAge
        ? $"Including advice about contraception. For a child under {Guide.Fraser.AppliesUnderAge} you will then be asked about the Fraser criteria."
        : "Including advice about contraception.";

    public void OnGet() => Answer = Draft.ContraceptionRequested switch { true => "yes", false => "no", null => null };

    public IActionResult OnPost()
    {
        if (Answer is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Answer), "Select yes if the young person has asked for contraception");
            return Page();
        }

        Draft.ContraceptionRequested = Answer == "yes";
        DecisionDraftStore.Save(HttpContext, Draft);
        return Draft.AsksFraser(Guide) ? Redirect(DecisionSteps.Fraser) : SaveAndContinue(DecisionSteps.Result);
    }
}
