using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Services.Decisions;
using Escalation.Services.Escalations;
using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Escalations.Raise;

/// <summary>One answer; <paramref name="ChangeUrl"/> is null for a row that cannot be changed here, and <paramref name="Link"/> opens what it names.</summary>
internal sealed record AnswerRow(string Question, string Answer, string? ChangeUrl, string? Link = null);

internal sealed record RaiseProblem(string Message, string? Url);

internal sealed class CheckAnswersModel(RaiseDraftStore store, EscalationDbContext db, PolicyCatalog catalog, EscalationService service,
    AssessmentService assessments, DateText dates)
    : RaiseStepModel(store)
{
    public IReadOnlyList<AnswerRow> Rows { get; private set; } = [];

    public List<RaiseProblem> Problems { get; } = [];

    public string RespondentName { get; private set; } = "the professional";

    public override string Back => RaiseSteps.Stage;

    private PolicyDefinition Policy => catalog.Current(PolicyCatalog.DefaultPolicyId)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (FirstUnanswered() is { } missing)
            return Redirect(missing);
        Draft.CheckingAnswers = true;
        Store.Save(Draft);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (FirstUnanswered() is { } missing)
            return Redirect(missing);

        // The same check as the API's: the linked assessment must exist and be readable by the raiser.
        var request = Draft.ToRequest();
        if (!request.ImmediateRiskNotReferred && await AssessmentLinkValidator.CheckAsync(assessments, request.AssessmentId, User.PersonId(), ct) is { } fault)
        {
            Problems.Add(new RaiseProblem(fault, null));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }

        var result = await service.RaiseAsync(User.PersonId(), request, ct);
        if (result.IsOk)
        {
            Store.Clear();
            return Redirect($"/escalations/{result.Value!.Id}/raised");
        }

        if (result.Status == ServiceStatus.ImmediateRisk)
        {
            Store.Clear();
            return Redirect(RaiseSteps.ContactNow);
        }

        foreach (var (field, messages) in result.Errors ?? new Dictionary<string, string[]>())
        {
            Problems.AddRange(messages.Select(m => new RaiseProblem(m, StepFor(field))));
        }

        if (result.Rejection is { } rejection)
            Problems.Add(new RaiseProblem(rejection.Message, null));
        if (Problems.Count == 0)
            Problems.Add(new RaiseProblem("The escalation could not be raised. Try again, or ask your administrator.", null));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private string? FirstUnanswered() =>
        Draft.ChildReference is null ? RaiseSteps.Child
        : Draft.RespondentId is null ? RaiseSteps.Agency
        : Draft.DecisionChallenged is null || Draft.DecisionDate is null ? RaiseSteps.Decision
        : Draft.Category is null ? RaiseSteps.Category
        : Draft.LevelOfNeed is null ? RaiseSteps.LevelOfNeed
        : Draft.Concern is null ? RaiseSteps.Concern
        : Draft.DesiredOutcome is null ? RaiseSteps.Outcome
        : Draft.Track is null ? RaiseSteps.Track
        : Draft.StartAtStage is null ? RaiseSteps.Stage
        : null;

    private static string StepFor(string field) => field switch
    {
        "childReference" or "childAgeYears" => RaiseSteps.Child,
        "respondentId" => RaiseSteps.Agency,
        "decisionChallenged" or "decisionDate" => RaiseSteps.Decision,
        "category" => RaiseSteps.Category,
        "levelOfNeed" => RaiseSteps.LevelOfNeed,
        "concern" => RaiseSteps.Concern,
        "desiredOutcome" => RaiseSteps.Outcome,
        "track" or "urgentReason" => RaiseSteps.Track,
        "startAtStage" or "startAtStageReason" => RaiseSteps.Stage,
        _ => RaiseSteps.ImmediateRisk,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var respondentId = Draft.RespondentId!.Value;
        var respondent = await db.Users.AsNoTracking().Where(u => u.Id == respondentId).Select(u => new { u.Name, u.AgencyId }).FirstOrDefaultAsync(ct);
        var agency = respondent is null ? null
            : await db.Agencies.AsNoTracking().Where(a => a.Id == respondent.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        RespondentName = respondent?.Name ?? "the professional";
        var policy = Policy;
        var stage = Draft.StartAtStage!.Value;
        Rows =
        [
            new("Child at immediate risk", Draft.ChildAtImmediateRisk == true ? "Yes, and a referral has been made" : "No", RaiseSteps.ImmediateRisk),
            new("Child's reference", Draft.ChildReference!, RaiseSteps.Child),
            new("Child's age", Draft.ChildAgeYears is { } age ? $"{age} years" : "Not given", RaiseSteps.Child),
            new("Whose decision", $"{RespondentName}, {agency ?? "their agency"}", RaiseSteps.Agency),
            new("The decision", Draft.DecisionChallenged!, RaiseSteps.Decision),
            new("Date of the decision", DateText.Date(Draft.DecisionDate!.Value), RaiseSteps.Decision),
            new("What it is about", PolicyWords.Category(policy, Draft.Category!), RaiseSteps.Category),
            new("Level of need", PolicyWords.LevelOfNeed(policy, Draft.LevelOfNeed!.Value), RaiseSteps.LevelOfNeed),
            new("Your concern", Draft.Concern!, RaiseSteps.Concern),
            new("Outcome you want", Draft.DesiredOutcome!, RaiseSteps.Outcome),
            new("Timescale", Draft.Track == "urgent" ? $"Urgent: {Draft.UrgentReason}" : "Standard", RaiseSteps.Track),
            new("Starting stage", stage == policy.FirstStage
                ? PolicyWords.StageName(policy, stage)
                : $"{PolicyWords.StageName(policy, stage)}. Why: {Draft.StartAtStageReason}", RaiseSteps.Stage),
        ];
        if (Draft.AssessmentId is { } assessmentId)
        {
            var linked = await assessments.GetAsync(assessmentId, User.PersonId(), ct);
            Rows = [.. Rows, linked is null
                ? new AnswerRow("Linked assessment", "The linked assessment cannot be found", null)
                : new AnswerRow("Linked assessment",
                    $"Decision about a sexually active child, recorded {dates.DateAndTime(linked.Assessment.CreatedAt)} by {linked.AssessedBy.Name}",
                    null, $"/decisions/sexual-activity/assessments/{assessmentId}")];
        }
    }
}
