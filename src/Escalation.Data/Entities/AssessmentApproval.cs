using Escalation.Core.Decisions;

namespace Escalation.Data.Entities;

/// <summary>
/// The senior's approval of an assessment that named them: asked when the assessment is stored (in the same save),
/// decided once by the approver. Kept apart from the assessment, which is never updated. One per assessment, keyed by it.
/// </summary>
public sealed class AssessmentApproval
{
    public Guid AssessmentId { get; set; }

    /// <summary>The senior named in the decision.</summary>
    public Guid ApproverId { get; set; }

    public ApprovalStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The approver's note: required when they decline.</summary>
    public string? Note { get; set; }
}
