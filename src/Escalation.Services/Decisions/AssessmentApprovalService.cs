using Escalation.Core.Decisions;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Services.Decisions;

/// <summary>How an approver's answer ended. Each kind but <see cref="Decided"/> leaves everything as it was.</summary>
public enum ApprovalOutcomeKind
{
    Decided,

    /// <summary>No such assessment, or the person may not read it (404).</summary>
    NotFound,

    /// <summary>The person may read the assessment but is not its approver (403).</summary>
    NotTheApprover,

    /// <summary>The answer is not valid (400), see <see cref="ApprovalOutcome.Errors"/>.</summary>
    Invalid,

    /// <summary>The approver has already decided (409).</summary>
    AlreadyDecided,
}

public sealed record ApprovalOutcome(ApprovalOutcomeKind Kind, AssessmentView? View = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// The named senior approves or declines an assessment, once. The answer is a conditional update of the approval from
/// pending, so of two answers (a second one, or two at the same moment) only the first is recorded; the assessor's mail
/// is queued in the same transaction.
/// </summary>
public sealed class AssessmentApprovalService(EscalationDbContext db, TimeProvider clock, DirectoryCache directoryCache, SqlDialect sql,
    EngineSettings settings, DatabaseWrites writes)
{
    public async Task<ApprovalOutcome> DecideAsync(Guid assessmentId, Guid personId, bool? approve, string? note, CancellationToken ct = default)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        var directory = await directoryCache.ReadAsync(db, ct);
        if (assessment is null || !AssessmentService.CanRead(directory, personId, assessment))
            return new ApprovalOutcome(ApprovalOutcomeKind.NotFound);

        var approval = await db.AssessmentApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.AssessmentId == assessmentId, ct);
        if (approval is null || approval.ApproverId != personId)
            return new ApprovalOutcome(ApprovalOutcomeKind.NotTheApprover);
        var errors = ApprovalCheck.Validate(approve, note);
        if (errors.Count > 0)
            return new ApprovalOutcome(ApprovalOutcomeKind.Invalid, Errors: errors);
        if (approval.Status != ApprovalStatus.Pending)
            return new ApprovalOutcome(ApprovalOutcomeKind.AlreadyDecided);

        var now = clock.GetUtcNow();
        var status = approve == true ? ApprovalStatus.Approved : ApprovalStatus.Declined;
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await using var transaction = await writes.BeginAsync(db, ct);
        var decided = await db.AssessmentApprovals
            .Where(a => a.AssessmentId == assessmentId && a.Status == ApprovalStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, status).SetProperty(a => a.DecidedAt, now).SetProperty(a => a.Note, text), ct);
        if (decided == 0)
            return new ApprovalOutcome(ApprovalOutcomeKind.AlreadyDecided);

        if (directory.Find(assessment.AssessedById) is { } assessor)
        {
            var payload = AssessmentMails.Payload(assessment.Id, assessment.ChildReference);
            payload["status"] = status == ApprovalStatus.Approved ? "approved" : "declined";
            payload["approverName"] = directory.Find(personId)?.Name ?? string.Empty;
            await AssessmentMails.QueueAsync(db, sql, settings, AssessmentMails.ApprovalDecided, assessor, "assessor", payload, now, ct);
        }

        await transaction.CommitAsync(ct);
        approval.Status = status;
        approval.DecidedAt = now;
        approval.Note = text;
        return new ApprovalOutcome(ApprovalOutcomeKind.Decided, AssessmentService.View(directory, assessment, approval));
    }
}
