using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class ImmediateRiskModel(RaiseDraftStore store) : RaiseStepModel(store)
{
    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    [BindProperty]
    public string? Answer { get; set; }

    public override string Back => "/";

    protected override bool NeedsSafeguardingAnswers => false;

    public void OnGet() => Answer = Draft.ChildAtImmediateRisk switch { true => "yes", false => "no", null => null };

    public IActionResult OnPost()
    {
        if (Answer is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Answer), "Select yes if the child is at immediate risk of significant harm");
            return Page();
        }

        Draft.ChildAtImmediateRisk = Answer == "yes";
        if (Answer == "no")
        {
            Draft.ReferralMade = null;
            return SaveAndContinue(RaiseSteps.Child);
        }

        Store.Save(Draft);
        return Redirect(RaiseSteps.Referral);
    }
}
