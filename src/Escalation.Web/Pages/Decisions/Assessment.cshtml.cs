using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Engine;
using Escalation.Services.Decisions;
using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Escalations.Raise;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Decisions;

/// <summary>
/// A stored assessment, for anyone who may read it (as the API's read-back). A practitioner can start an escalation from
/// it when Children's Social Care took no further action and concerns remain: the raise journey starts filled in with
/// the child's reference, the below-threshold category and a link to this assessment.
/// </summary>
internal sealed class AssessmentModel(AssessmentService assessments, AssessmentApprovalService approvals, DecisionGuideCatalog guides,
    RaiseDraftStore raiseDrafts, DateText dates) : PageModel
{
    public static readonly IReadOnlyList<Choice> ApprovalChoices =
        [new("approve", "Approve the decision"), new("decline", "Do not approve it")];
    /// <summary>The policy's category for "referral judged below threshold, or closed with no further action".</summary>
    public const string BelowThreshold = "below-threshold";

    private static readonly JsonSerializerOptions AnswersJson = new(JsonSerializerDefaults.Web);

    public AssessmentView View { get; private set; } = null!;

    public DecisionGuide Guide { get; private set; } = null!;

    public bool JustRecorded { get; private set; }

    public bool CanEscalate => User.IsInRole(Roles.Practitioner);

    /// <summary>Whether the person reading is the senior asked to approve, and has not yet decided.</summary>
    public bool CanDecide => View.Approval is { Status: ApprovalStatus.Pending } approval && approval.ApproverId == User.PersonId();

    public StatusTag? ApprovalTag => ApprovalDisplay.Tag(View.Approval);

    public string? Decided { get; private set; }

    /// <summary>The approver's answer: <c>approve</c> or <c>decline</c>.</summary>
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<(string Key, string Value)> Rows { get; private set; } = [];

    public IReadOnlyList<ActionLine> Actions { get; private set; } = [];

    /// <summary>The stored explanation, one paragraph per rule that applied.</summary>
    public IReadOnlyList<string> ExplanationParagraphs =>
        View.Assessment.Explanation.Split(DecisionResult.ParagraphBreak, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether a newer version of the guide has been loaded since this assessment was made.</summary>
    public bool GuideChangedSince =>
        guides.Current(View.Assessment.DefinitionId) is { } current && current.Version > View.Assessment.DefinitionVersion;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Decided = TempData["Decided"] as string;
        return Page();
    }

    /// <summary>The approver approves or declines, through the service the API uses, so both refuse the same things.</summary>
    public async Task<IActionResult> OnPostApprovalAsync(Guid id, CancellationToken ct)
    {
        bool? approve = Decision switch { "approve" => true, "decline" => false, _ => null };
        var outcome = await approvals.DecideAsync(id, User.PersonId(), approve, Note, ct);
        switch (outcome.Kind)
        {
            case ApprovalOutcomeKind.NotFound:
                return NotFound();
            case ApprovalOutcomeKind.NotTheApprover:
                return Forbid();
            case ApprovalOutcomeKind.Decided:
                TempData["Decided"] = approve == true ? "You approved the decision" : "You declined to approve the decision";
                return Redirect(DecisionSteps.Assessment(id));
            case ApprovalOutcomeKind.AlreadyDecided:
                ModelState.AddModelError(nameof(Decision), "This decision has already been approved or declined; it is recorded once.");
                break;
            default:
                foreach (var (field, messages) in outcome.Errors!)
                {
                    foreach (var message in messages)
                        ModelState.AddModelError(field == "note" ? nameof(Note) : nameof(Decision),
                            field == "approve" ? "Select whether you approve the decision" : message);
                }

                break;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await assessments.GetAsync(id, User.PersonId(), ct) is not { } view)
            return false;
        View = view;
        Guide = guides.Find(view.Assessment.DefinitionId, view.Assessment.DefinitionVersion)
            ?? guides.Current(DecisionGuideCatalog.SexualActivityId)!;
        JustRecorded = TempData["Recorded"] is "yes";
        Actions = [.. view.Assessment.RequiredActions.Select(a => new ActionLine(a, Guide.ActionLabel(a), string.Empty, string.Empty))];
        Rows = BuildRows(view, await assessments.ReviewAsync(id, ct));
        return true;
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken ct)
    {
        if (!CanEscalate)
            return Forbid();
        if (await assessments.GetAsync(id, User.PersonId(), ct) is not { } view)
            return NotFound();

        // A new draft: whatever was half-raised before gives way to this one.
        raiseDrafts.Save(new RaiseDraft
        {
            ChildReference = view.Assessment.ChildReference,
            ChildAgeYears = view.Assessment.ChildAgeYears,
            Category = BelowThreshold,
            AssessmentId = view.Assessment.Id,
        });
        return Redirect(RaiseSteps.ImmediateRisk);
    }

    private List<(string Key, string Value)> BuildRows(AssessmentView view, Data.Entities.TimerRecord? review)
    {
        var a = view.Assessment;
        var answers = JsonSerializer.Deserialize<CheckedAnswers>(a.Answers, AnswersJson);
        string Labels(IEnumerable<string>? keys, IEnumerable<GuideItem> items) =>
            (keys ?? []).Select(k => items.FirstOrDefault(i => i.Key == k)?.Label ?? k).ToList() is { Count: > 0 } labels
                ? string.Join("\n", labels)
                : "None";

        var band = Guide.AgeBands.FirstOrDefault(b => b.Key == a.AgeBand)?.Label ?? a.AgeBand;
        var flags = answers is null ? [] : PartnerFlags.All.Where(answers.Flag);
        var rows = new List<(string Key, string Value)>
        {
            ("Child's reference", a.ChildReference),
            ("Child's age", $"{a.ChildAgeYears} years ({band})"),
            ("Partner's age", answers?.PartnerAgeYears is { } partner ? $"{partner} years" : "Not known"),
            ("About the partner", Labels(flags, Guide.PartnerFlags)),
            ("Risk factors", Labels(answers?.Factors, Guide.Factors)),
            ("Warning signs", Labels(answers?.WarningSigns, Guide.WarningSigns)),
            ("Contraception asked for", answers?.ContraceptionRequested == true ? "Yes" : "No"),
        };
        if (a.FraserMet is { } met)
            rows.Add(("Fraser criteria", met ? "All met" : "Not all met"));
        rows.Add(("Actions taken", Labels(a.ActionsTaken, Guide.Actions)));
        rows.Add(("Referred to Children's Social Care", a.Referred ? "Yes" : "No"));
        rows.Add(("Why any required action was not taken", a.Rationale ?? "Not given"));
        rows.Add(("Who was consulted", a.Consulted is null ? "Not given"
            : a.ConsultedAt is { } at ? $"{a.Consulted}, {dates.DateAndTime(at)}" : a.Consulted));
        if (view.Approval is { } approval)
        {
            rows.Add(("Senior approval", ApprovalDisplay.Sentence(view, dates)));
            if (approval.Note is { } note)
                rows.Add(("Approver's note", note));
        }
        rows.Add(("Review date", a.ReviewDate is { } date ? DateText.Date(date) + (review is null ? string.Empty : ". You will be reminded by email on the day.") : "None"));
        rows.Add(("Recorded by", $"{view.AssessedBy.Name}, {dates.DateAndTime(a.CreatedAt)}"));
        return rows;
    }
}
