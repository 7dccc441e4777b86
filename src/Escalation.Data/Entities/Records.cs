using Escalation.Core.Engine;

namespace Escalation.Data.Entities;

/// <summary>One stage an escalation entered: when, when it was due, and when and how it left.</summary>
public sealed class StageRecord
{
    public long Id { get; set; }

    public Guid EscalationId { get; set; }

    public int Stage { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public StageExit? LeftHow { get; set; }
}

/// <summary>A permanent history entry. Rows are only ever inserted.</summary>
public sealed class HistoryRecord
{
    public long Id { get; set; }

    public Guid EscalationId { get; set; }

    public DateTimeOffset At { get; set; }

    public HistoryType Type { get; set; }

    public int Stage { get; set; }

    public Guid? ById { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// A durable timer: one piece of work that falls due, claimed and fired exactly once by <c>TimerProcessor</c>. Its
/// <see cref="Kind"/> says what it is for and which of the subject columns it uses: an escalation's stage reminder or
/// deadline (<see cref="EscalationId"/>, <see cref="Stage"/>), an assessment's review (<see cref="AssessmentId"/>), or a
/// quarter's board report (<see cref="PeriodFrom"/>, the quarter's first day).
/// </summary>
public sealed class TimerRecord
{
    public long Id { get; set; }

    public WorkKind Kind { get; set; }

    public Guid? EscalationId { get; set; }

    public int? Stage { get; set; }

    public Guid? AssessmentId { get; set; }

    public DateOnly? PeriodFrom { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public TimerState State { get; set; }

    /// <summary>Who set a failing timer aside, and until when; it is not claimed again before then.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>What a timer is for. Stored by name.</summary>
public enum WorkKind
{
    /// <summary>A stage's reminder before its deadline (the engine's <c>TimerKind.Reminder</c>).</summary>
    Reminder,

    /// <summary>A stage's deadline (the engine's <c>TimerKind.Deadline</c>).</summary>
    Deadline,

    /// <summary>An assessment's review date: the assessor is reminded.</summary>
    DecisionReview,

    /// <summary>A quarter's board report: mailed to its readers.</summary>
    QuarterlyReport,
}

public enum TimerState
{
    Pending,
    Fired,
    Cancelled,
}
