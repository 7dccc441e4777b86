using Escalation.Core.Decisions;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Decisions;

/// <summary>One answer in a summary list, with the page that changes it.</summary>
internal sealed record DecisionAnswerRow(string Question, string Answer, string ChangeUrl);

/// <summary>A required action as the result page shows it: the guide's label and help, and the rule's reason.</summary>
internal sealed record ActionLine(string Key, string Label, string Reason, string Help);

/// <summary>The result: the evaluator's required actions, each with its reason, and the answers that led to it.</summary>
internal sealed class ResultModel(DecisionGuideCatalog guides) : DecisionStepModel(guides)
{
    public DecisionResult Result { get; private set; } = null!;

    public AgeBand Band { get; private set; } = null!;

    public IReadOnlyList<ActionLine> Actions { get; private set; } = [];

    public IReadOnlyList<DecisionAnswerRow> Rows { get; private set; } = [];

    /// <summary>The Fraser note, when contraception was asked for by a child young enough for Fraser.</summary>
    public string? FraserNote => Result.FraserMet switch
    {
        true => Guide.Fraser.MetNote,
        false => Guide.Fraser.NotMetNote,
        null => null,
    };

    public override string Back => Draft.AsksFraser(Guide) ? DecisionSteps.Fraser : DecisionSteps.Contraception;

    protected override string Step => DecisionSteps.Result;

    public IActionResult OnGet()
    {
        if (!TryEvaluate(Guide, Draft, out var result, out var redirect))
            return Redirect(redirect!);

        Draft.SeenResult = true;
        DecisionDraftStore.Save(HttpContext, Draft);
        Result = result!;
        Band = Guide.BandFor(Draft.ChildAgeYears!.Value)!;
        Actions = Lines(Guide, result!);
        Rows = AnswerRows(Guide, Draft);
        return Page();
    }

    /// <summary>Evaluates a complete draft; otherwise gives the page to go back to.</summary>
    public static bool TryEvaluate(DecisionGuide guide, DecisionDraft draft, out DecisionResult? result, out string? redirect)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(draft);
        result = null;
        redirect = draft.FirstUnanswered(guide);
        if (redirect is not null)
            return false;
        var evaluation = DecisionEvaluator.Evaluate(guide, draft.ToAnswers());
        if (!evaluation.IsValid || evaluation.Result is null)
        {
            redirect = DecisionSteps.For(evaluation.Errors.Keys.FirstOrDefault() ?? "childAgeYears");
            return false;
        }

        result = evaluation.Result;
        return true;
    }

    public static IReadOnlyList<ActionLine> Lines(DecisionGuide guide, DecisionResult result)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Actions.Select(a => new ActionLine(a.Action, guide.ActionLabel(a.Action), a.Reason,
            guide.Actions.FirstOrDefault(g => g.Key == a.Action)?.Help ?? string.Empty))];
    }

    private static List<DecisionAnswerRow> AnswerRows(DecisionGuide guide, DecisionDraft draft)
    {
        string Labels(IEnumerable<string> keys, IEnumerable<GuideItem> items) =>
            keys.Select(k => items.FirstOrDefault(i => i.Key == k)?.Label ?? k).ToList() is { Count: > 0 } labels
                ? string.Join("\n", labels)
                : "None";

        var rows = new List<DecisionAnswerRow>
        {
            new("Child's reference", draft.ChildReference!, DecisionSteps.Child),
            new("Child's age", $"{draft.ChildAgeYears} years", DecisionSteps.Child),
            new("Partner's age", draft.PartnerAgeYears is { } age ? $"{age} years" : "Not known", DecisionSteps.Partner),
            new("About the partner", Labels(draft.PartnerFlags, guide.PartnerFlags), DecisionSteps.Partner),
            new("Risk factors", Labels(draft.Factors, guide.Factors), DecisionSteps.RiskFactors),
            new("Warning signs", Labels(draft.WarningSigns, guide.WarningSigns), DecisionSteps.WarningSigns),
            new("Contraception asked for", draft.ContraceptionRequested == true ? "Yes" : "No", DecisionSteps.Contraception),
        };
        if (draft.AsksFraser(guide))
        {
            rows.Add(new("Fraser criteria", string.Join("\n", guide.Fraser.Criteria.Select(c =>
                $"{(draft.Fraser.GetValueOrDefault(c.Key) ? "Yes" : "No")}: {c.Label}")), DecisionSteps.Fraser));
        }

        return rows;
    }
}
