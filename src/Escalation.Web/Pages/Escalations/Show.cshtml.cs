using Escalation.Services.Decisions;
using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Escalations;

/// <summary>The escalation page: where the email links land. Anyone who may not see it gets 404.</summary>
internal sealed class ShowModel(EscalationPages pages, DateText dates, AssessmentService assessments) : PageModel
{
    [TempData]
    public string? Banner { get; set; }

    public EscalationView View { get; private set; } = null!;

    public string Progress { get; private set; } = string.Empty;

    public IReadOnlyList<StatusTag> Tags { get; private set; } = [];

    public IReadOnlyList<(string, string)> Summary { get; private set; } = [];

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    /// <summary>Whether a decision assessment is linked, and whether this viewer may open it.</summary>
    public (bool Linked, bool Readable) Assessment { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await pages.LoadAsync(id, User.PersonId(), ct) is not { } view)
            return NotFound();

        View = view;
        var e = view.Escalation;
        var policy = view.Policy;
        var stage = PolicyWords.StageName(policy, e.Stage.Number);
        Progress = e.Status switch
        {
            "resolved" => $"Resolved at {PolicyWords.StageNameInSentence(policy, e.Stage.Number)}",
            "withdrawn" => $"Withdrawn at {PolicyWords.StageNameInSentence(policy, e.Stage.Number)}",
            _ => $"{stage}, due {dates.DueBy(e.Stage.DueAt)}",
        };
        Tags = StatusTag.For(e);
        Summary =
        [
            ("Child's reference", e.Child.Reference),
            ("Child's age", e.Child.AgeYears is { } age ? $"{age} years" : "Not given"),
            ("Raised by", view.Party(e.RaisedBy)),
            ("Whose decision", view.Party(e.Respondent)),
            ("The decision", e.DecisionChallenged),
            ("Date of the decision", DateText.Date(e.DecisionDate)),
            ("What it is about", PolicyWords.Category(policy, e.Category)),
            ("Level of need", PolicyWords.LevelOfNeed(policy, e.LevelOfNeed)),
            ("Concern", e.Concern),
            ("Outcome wanted", e.DesiredOutcome),
            ("Timescale", e.Track == "urgent" ? $"Urgent: {e.UrgentReason ?? "no reason given"}" : "Standard"),
            ("Raised on", dates.DateAndTime(e.RaisedAt)),
            ("Policy", $"{policy.Title}, version {policy.Version}"),
        ];
        if (e.AssessmentId is { } assessmentId)
            Assessment = (true, await assessments.GetAsync(assessmentId, User.PersonId(), ct) is not null);
        Timeline = [.. Chronology.Of(view, dates).Reverse()];
        return Page();
    }

}
