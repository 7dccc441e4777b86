namespace Escalation.Data.Entities;

/// <summary>
/// The durable reminder for an assessment's review date: fired once, when <see cref="DueAt"/> has passed, by queueing
/// a <c>decision-review-due</c> mail to the assessor. Kept apart from the assessment, which is never updated.
/// </summary>
public sealed class AssessmentReview
{
    public long Id { get; set; }

    public Guid AssessmentId { get; set; }

    /// <summary>The start of the review date in the partnership's time zone.</summary>
    public DateTimeOffset DueAt { get; set; }

    public TimerState State { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}
