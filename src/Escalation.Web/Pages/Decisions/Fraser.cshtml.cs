using Escalation.Core.Decisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Escalation.Web.Pages.Decisions;

/// <summary>The Fraser criteria, yes or no each, in the guide's order.</summary>
internal sealed class FraserModel(DecisionGuideCatalog guides) : DecisionStepModel(guides)
{
    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    public override string Back => DecisionSteps.Contraception;

    protected override string Step => DecisionSteps.Fraser;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        base.OnPageHandlerExecuting(context);
        if (context.Result is null && !Draft.AsksFraser(Guide))
            context.Result = Redirect(DecisionSteps.Contraception);
    }

    public void OnGet() => Answers = [.. Guide.Fraser.Criteria.Select(c => Draft.Fraser.TryGetValue(c.Key, out var yes) ? (yes ? "yes" : "no") : null)];

    public IActionResult OnPost()
    {
        var criteria = Guide.Fraser.Criteria;
        while (Answers.Count < criteria.Count)
            Answers.Add(null);
        var given = new Dictionary<string, bool?>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count; i++)
            given[criteria[i].Key] = Answers[i] switch { "yes" => true, "no" => false, _ => null };

        // The same check, and the same words, as the API's: "Answer yes or no: ..." for each one left out.
        var errors = DecisionEvaluator.Evaluate(Guide, new DecisionAnswers(Draft.ChildAgeYears, ContraceptionRequested: true, Fraser: given)).Errors;
        for (var i = 0; i < criteria.Count; i++)
        {
            if (errors.TryGetValue($"fraser.{criteria[i].Key}", out var messages))
                ModelState.AddModelError($"Answers[{i}]", messages[0]);
        }

        if (!ModelState.IsValid)
            return Page();
        Draft.Fraser = given.Where(g => g.Value is not null).ToDictionary(g => g.Key, g => g.Value!.Value, StringComparer.Ordinal);
        return SaveAndContinue(DecisionSteps.Result);
    }
}
