using Escalation.Core.Decisions;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Decisions;

/// <summary>The roles that may make an assessment, as the API allows (<see cref="AssessmentAccess.AssessorRoles"/>).</summary>
internal static class DecisionRoles
{
    public const string Assessors = "Practitioner,Manager,Senior";
}

/// <summary>
/// One page of the decision journey. It loads the draft before the handler runs, sends the person back to the first
/// unanswered question if an earlier one is missing, and after a valid answer goes on to the next page (or back to
/// the result once they have seen it).
/// </summary>
[Authorize(Roles = DecisionRoles.Assessors)]
internal abstract class DecisionStepModel(DecisionGuideCatalog guides) : PageModel
{
    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    public DecisionDraft Draft { get; private set; } = new();

    public DecisionGuide Guide => guides.Current(DecisionGuideCatalog.SexualActivityId)
        ?? throw new InvalidOperationException($"No '{DecisionGuideCatalog.SexualActivityId}' decision guide is loaded.");

    /// <summary>The page before this one, for the back link.</summary>
    public abstract string Back { get; }

    /// <summary>This page's own address: earlier pages must be answered before it is shown.</summary>
    protected abstract string Step { get; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Draft = DecisionDraftStore.Load(HttpContext);
        if (Draft.FirstUnanswered(Guide) is { } missing && Order(missing) < Order(Step))
            context.Result = Redirect(missing);
    }

    /// <summary>Saves the answer and moves on.</summary>
    protected IActionResult SaveAndContinue(string next)
    {
        DecisionDraftStore.Save(HttpContext, Draft);
        return Redirect(Draft.SeenResult && Draft.FirstUnanswered(Guide) is null ? DecisionSteps.Result : next);
    }

    protected static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static int Order(string step) => step switch
    {
        DecisionSteps.Child => 1,
        DecisionSteps.Partner => 2,
        DecisionSteps.RiskFactors => 3,
        DecisionSteps.WarningSigns => 4,
        DecisionSteps.Contraception => 5,
        DecisionSteps.Fraser => 6,
        DecisionSteps.Result => 7,
        _ => 8,
    };
}
