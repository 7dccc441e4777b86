using Escalation.Core.Decisions;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Decisions;

/// <summary>The items of one group of a checklist that a person selected.</summary>
public sealed class ChecklistAnswer
{
    public List<string> Selected { get; set; } = [];
}

/// <summary>One group of a checklist, as the guide defines it, with its heading.</summary>
internal sealed record ChecklistGroup(string Key, string Heading, IReadOnlyList<Choice> Items);

/// <summary>
/// A page of checkboxes from the guide (the risk factors, or the warning signs), one fieldset per group in the guide's
/// order. Labels and help text come from the guide; only the group headings are the service's own words.
/// </summary>
internal abstract class ChecklistModel(DecisionGuideCatalog guides) : DecisionStepModel(guides)
{
    private static readonly Dictionary<string, string> Headings = new(StringComparer.Ordinal)
    {
        ["risk-factor"] = "Risk factors",
        ["power-imbalance"] = "Sources of an imbalance of power",
        ["warning-sign"] = "Warning signs",
        ["vulnerability"] = "Vulnerabilities",
    };

    [BindProperty]
    public List<ChecklistAnswer> Groups { get; set; } = [];

    public IReadOnlyList<ChecklistGroup> Checklist => [.. Items
        .GroupBy(i => i.Group ?? string.Empty)
        .Select(g => new ChecklistGroup(g.Key, Heading(g.Key), [.. g.Select(i => new Choice(i.Key, i.Label, i.Help))]))];

    /// <summary>The guide's items for this page.</summary>
    protected abstract IReadOnlyList<GuideItem> Items { get; }

    /// <summary>The field's name in the evaluate body: <c>factors</c> or <c>warningSigns</c>.</summary>
    protected abstract string Field { get; }

    protected abstract string Next { get; }

    /// <summary>The draft's list for this page.</summary>
    protected abstract List<string> Chosen { get; set; }

    protected abstract void MarkAnswered();

    public void OnGet() => Groups = [.. Checklist.Select(g => new ChecklistAnswer { Selected = [.. Chosen.Where(c => g.Items.Any(i => i.Value == c))] })];

    public IActionResult OnPost()
    {
        var checklist = Checklist;
        while (Groups.Count < checklist.Count)
            Groups.Add(new ChecklistAnswer());
        var chosen = Groups.SelectMany(g => g.Selected).Distinct(StringComparer.Ordinal).ToList();
        // The same check, and the same words, as the API's.
        var answers = Field == "factors"
            ? new DecisionAnswers(Draft.ChildAgeYears, Factors: chosen)
            : new DecisionAnswers(Draft.ChildAgeYears, WarningSigns: chosen);
        if (DecisionEvaluator.Evaluate(Guide, answers).Errors.TryGetValue(Field, out var messages))
        {
            foreach (var message in messages)
                ModelState.AddModelError("Groups[0].Selected", message);
            return Page();
        }

        Chosen = chosen;
        MarkAnswered();
        return SaveAndContinue(Next);
    }

    private static string Heading(string group) =>
        Headings.TryGetValue(group, out var heading) ? heading
        : group.Length == 0 ? "Others"
        : char.ToUpperInvariant(group[0]) + group[1..].Replace('-', ' ');
}
