using Escalation.Core.Engine;
using Escalation.Services.Escalations;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Escalations;

internal sealed class ResolveModel(EscalationPages pages, EscalationService service) : EscalationActionModel(pages, service)
{
    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Statement { get; set; }

    [BindProperty]
    public string? Actions { get; set; }

    [BindProperty]
    public string? Learning { get; set; }

    [BindProperty]
    public string? GoodPractice { get; set; }

    public IReadOnlyList<Choice> Outcomes =>
    [
        new("decision-changed", "The decision was changed"),
        new("decision-upheld", "The original decision stands", "The agencies agree the decision was right, or accept it."),
        .. View.May(PermittedMoves.BoardDecision) ? [new Choice("board-decision", "The safeguarding partnership board decided")] : Array.Empty<Choice>(),
    ];

    protected override PermittedMoves Move => PermittedMoves.Resolve;


    public async Task<IActionResult> OnPostAsync()
    {
        if (Outcomes.All(o => o.Value != Outcome) || !Api.EscalationMapping.TryParseOutcome(Outcome, out var kind))
        {
            ModelState.AddModelError(nameof(Outcome), "Select the outcome");
            kind = default;
        }

        RequireText(Statement, nameof(Statement), "Write the outcome statement");
        var actions = (Actions ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (actions.Length > 50 || actions.Any(a => a.Length > 2_000))
            ModelState.AddModelError(nameof(Actions), "List at most 50 actions, each 2,000 characters or fewer");
        foreach (var (text, field) in new[] { (Learning, nameof(Learning)), (GoodPractice, nameof(GoodPractice)) })
        {
            if (text is { Length: > RaiseRequestValidator.LongTextMax })
                ModelState.AddModelError(field, $"This must be {RaiseRequestValidator.LongTextMax:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
            return Page();
        var details = new OutcomeDetails(actions, Learning, GoodPractice);
        return await MoveAsync(new Resolve(kind, Statement!.Trim()), nameof(Statement), "The escalation has been resolved.", details);
    }
}
