using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Services.Decisions;

/// <summary>How recording an assessment ended: stored, refused as not valid (400), or refused by the guide's rules (422).</summary>
public sealed record AssessmentOutcome(
    Assessment? Assessment,
    IReadOnlyDictionary<string, string[]>? Invalid = null,
    IReadOnlyDictionary<string, string[]>? Unprocessable = null);

/// <summary>An assessment with the people it names and its approval (null when none was asked), for one viewer who may read it.</summary>
public sealed record AssessmentView(Assessment Assessment, DirectoryPersonName AssessedBy, DirectoryPersonName? Approver, AssessmentApproval? Approval);

/// <summary>A person's id, name and agency, as a read-back shows them.</summary>
public sealed record DirectoryPersonName(Guid Id, string Name, Guid AgencyId);

/// <summary>
/// Records and reads assessments under the current decision guide. An assessment, its review reminder and the
/// request for its senior's approval are written in one save, and the approver's mail in the same transaction, so a
/// decision with no referral always has its reminder and a named approver is always asked; the assessment itself is
/// never updated afterwards.
/// </summary>
public sealed class AssessmentService(EscalationDbContext db, DecisionGuideCatalog guides, PolicyCatalog policies, TimeProvider clock,
    DirectoryCache directoryCache, SqlDialect sql, EngineSettings settings, DatabaseWrites writes)
{
    public const int ChildReferenceMax = 100;

    private static readonly JsonSerializerOptions AnswersJson = new(JsonSerializerDefaults.Web);

    /// <summary>The guide new assessments are made under.</summary>
    public DecisionGuide Guide => guides.Current(DecisionGuideCatalog.SexualActivityId)
        ?? throw new InvalidOperationException($"No '{DecisionGuideCatalog.SexualActivityId}' decision guide is loaded.");

    public async Task<AssessmentOutcome> RecordAsync(Guid assessorId, DecisionAnswers answers, string? childReference,
        RecordedDecision? decision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var guide = Guide;
        var evaluation = DecisionEvaluator.Evaluate(guide, answers);
        var errors = evaluation.Errors.ToDictionary();
        if (string.IsNullOrWhiteSpace(childReference))
            errors["childReference"] = ["Enter the child's reference"];
        else if (childReference.Trim().Length > ChildReferenceMax)
            errors["childReference"] = [$"This must be {ChildReferenceMax} characters or fewer"];
        if (errors.Count > 0 || evaluation.Result is not { } result)
            return new AssessmentOutcome(null, Invalid: errors);

        var now = clock.GetUtcNow();
        var directory = await directoryCache.ReadAsync(db, ct);
        var assessor = directory.Find(assessorId);
        if (assessor is null)
            return new AssessmentOutcome(null, Invalid: new Dictionary<string, string[]> { ["body"] = ["Your account is not in the directory"] });
        var approver = decision?.ApproverId is { } approverId ? directory.Find(approverId) : null;
        var check = DecisionValidator.Validate(guide, result, decision, assessor, approver, now, policies.Calendar.LocalDate(now));
        if (check.Invalid.Count > 0)
            return new AssessmentOutcome(null, Invalid: check.Invalid);
        if (check.Unprocessable.Count > 0)
            return new AssessmentOutcome(null, Unprocessable: check.Unprocessable);

        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(now),
            DefinitionId = guide.Id,
            DefinitionVersion = guide.Version,
            ChildReference = childReference!.Trim(),
            ChildAgeYears = evaluation.Answers!.ChildAgeYears,
            Answers = JsonSerializer.Serialize(evaluation.Answers, AnswersJson),
            AgeBand = result.AgeBand,
            Rule = result.Rule,
            Rules = [.. result.Rules],
            RequiredActions = [.. result.RequiredActions],
            Explanation = result.Explanation,
            FraserMet = result.FraserMet,
            ActionsTaken = [.. check.ActionsTaken],
            Referred = check.Referred,
            Rationale = Trimmed(decision!.Rationale),
            Consulted = Trimmed(decision.Consulted),
            ConsultedAt = decision.ConsultedAt?.ToUniversalTime(),
            ApproverId = decision.ApproverId,
            ReviewDate = decision.ReviewDate,
            AssessedById = assessorId,
            AgencyId = assessor.AgencyId,
            CreatedAt = now,
        };
        db.Assessments.Add(assessment);
        if (decision.ReviewDate is { } reviewDate)
        {
            db.Timers.Add(new TimerRecord
            {
                Kind = WorkKind.DecisionReview,
                AssessmentId = assessment.Id,
                DueAt = ReviewSchedule.DueAt(reviewDate, policies.Calendar.TimeZone),
                State = TimerState.Pending,
            });
        }

        if (approver is not null)
        {
            db.AssessmentApprovals.Add(new AssessmentApproval
            {
                AssessmentId = assessment.Id, ApproverId = approver.Id, Status = ApprovalStatus.Pending, RequestedAt = now,
            });
        }

        await using (var transaction = await writes.BeginAsync(db, ct))
        {
            await db.SaveChangesAsync(ct);
            if (approver is not null)
            {
                await AssessmentMails.QueueAsync(db, sql, settings, AssessmentMails.ApprovalRequested, approver, "approver",
                    AssessmentMails.Payload(assessment.Id, assessment.ChildReference), now, ct);
            }

            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return new AssessmentOutcome(assessment);
    }

    /// <summary>One assessment, if it exists and the viewer may read it; otherwise null, whichever the reason.</summary>
    public async Task<AssessmentView?> GetAsync(Guid id, Guid viewerId, CancellationToken ct = default)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
            return null;

        var directory = await directoryCache.ReadAsync(db, ct);
        if (!CanRead(directory, viewerId, assessment))
            return null;

        var approval = await db.AssessmentApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.AssessmentId == id, ct);
        return View(directory, assessment, approval);
    }

    /// <summary>Whether the viewer may read the assessment: <see cref="AssessmentAccess"/> on the directory as it stands.</summary>
    internal static bool CanRead(DirectorySnapshot directory, Guid viewerId, Assessment assessment) =>
        directory.Find(viewerId) is { } viewer
        && AssessmentAccess.CanRead(viewer, assessment.AssessedById, directory.Find(assessment.AssessedById)?.ManagerId,
            assessment.AgencyId, assessment.ApproverId);

    internal static AssessmentView View(DirectorySnapshot directory, Assessment assessment, AssessmentApproval? approval)
    {
        DirectoryPersonName Name(Guid personId) => directory.Find(personId) is { } p
            ? new DirectoryPersonName(p.Id, p.Name, p.AgencyId)
            : new DirectoryPersonName(personId, "(no longer in the directory)", Guid.Empty);
        return new AssessmentView(assessment, Name(assessment.AssessedById), assessment.ApproverId is { } a ? Name(a) : null, approval);
    }

    /// <summary>The review reminder of an assessment, if it has one.</summary>
    public Task<TimerRecord?> ReviewAsync(Guid assessmentId, CancellationToken ct = default) =>
        db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.AssessmentId == assessmentId && t.Kind == WorkKind.DecisionReview, ct);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
