using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class ReferralModel(RaiseDraftStore store) : RaiseStepModel(store)
{
    [BindProperty]
    public string? Answer { get; set; }

    public override string Back => RaiseSteps.ImmediateRisk;

    protected override bool NeedsSafeguardingAnswers => false;

    public IActionResult OnGet()
    {
        if (Draft.ChildAtImmediateRisk != true)
            return Redirect(RaiseSteps.ImmediateRisk);
        Answer = Draft.ReferralMade switch { true => "yes", false => "no", null => null };
        return Page();
    }

    public IActionResult OnPost()
    {
        if (Draft.ChildAtImmediateRisk != true)
            return Redirect(RaiseSteps.ImmediateRisk);
        if (Answer is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Answer), "Select yes if the child has already been referred");
            return Page();
        }

        if (Answer == "no")
        {
            // Safeguarding first: the journey stops here, and nothing is kept.
            Store.Clear();
            return Redirect(RaiseSteps.ContactNow);
        }

        Draft.ReferralMade = true;
        return SaveAndContinue(RaiseSteps.Child);
    }
}
