using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Escalations.Raise;

/// <summary>The pages of the raise journey, in order.</summary>
internal static class RaiseSteps
{
    public const string ImmediateRisk = "/escalations/raise";
    public const string Referral = "/escalations/raise/referral";
    public const string ContactNow = "/escalations/raise/contact-now";
    public const string Child = "/escalations/raise/child";
    public const string Agency = "/escalations/raise/agency";
    public const string Professional = "/escalations/raise/professional";
    public const string Decision = "/escalations/raise/decision";
    public const string Category = "/escalations/raise/category";
    public const string LevelOfNeed = "/escalations/raise/level-of-need";
    public const string Concern = "/escalations/raise/concern";
    public const string Outcome = "/escalations/raise/outcome";
    public const string Track = "/escalations/raise/track";
    public const string Stage = "/escalations/raise/stage";
    public const string CheckAnswers = "/escalations/raise/check-answers";
}

/// <summary>
/// One page of the raise journey. It loads the draft before the handler runs, sends the person back to the first
/// question if the safeguarding questions are not answered, and after a valid answer goes on to the next page
/// (or back to "Check your answers" once they have seen it).
/// </summary>
internal abstract class RaiseStepModel(RaiseDraftStore store) : PageModel
{
    public RaiseDraft Draft { get; private set; } = new();

    /// <summary>The page before this one, for the back link.</summary>
    public abstract string Back { get; }

    /// <summary>Where "Back" goes: the page before, or "Check your answers" when the person came from there to change an answer.</summary>
    public string BackLink => Draft.CheckingAnswers ? RaiseSteps.CheckAnswers : Back;

    /// <summary>Whether this page may only be reached once the safeguarding questions allow the journey to go on.</summary>
    protected virtual bool NeedsSafeguardingAnswers => true;

    protected RaiseDraftStore Store => store;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Draft = store.Load();
        if (NeedsSafeguardingAnswers && !Draft.SafeguardingAnswered)
            context.Result = Redirect(RaiseSteps.ImmediateRisk);
    }

    /// <summary>Saves the answer and moves on.</summary>
    protected IActionResult SaveAndContinue(string next)
    {
        store.Save(Draft);
        return Redirect(Draft.CheckingAnswers ? RaiseSteps.CheckAnswers : next);
    }

    protected static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
