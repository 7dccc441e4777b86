using Escalation.Core.Policies;

namespace Escalation.Core.Engine;

/// <summary>Where an escalation stands: the part of its record the transition table reasons about.</summary>
public sealed record EscalationState(
    Guid Id,
    string PolicyId,
    int PolicyVersion,
    Track Track,
    EscalationStatus Status,
    int Stage,
    int HighestStage,
    DateTimeOffset StageStartedAt,
    DateTimeOffset StageDueAt,
    int Version)
{
    public bool IsOpen => Status == EscalationStatus.Open;

    /// <summary>True when the stage's deadline has passed and the escalation is still open.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && now > StageDueAt;
}

/// <summary>The life of an escalation.</summary>
public enum EscalationStatus
{
    Open,
    Resolved,
    Withdrawn,
}

/// <summary>The kinds of permanent history entry, as named in the contract.</summary>
public enum HistoryType
{
    Raised,
    Responded,
    ReminderSent,
    DeadlineMissed,
    Escalated,
    Resolved,
    Withdrawn,
}

/// <summary>How a resolved escalation ended.</summary>
public enum OutcomeKind
{
    DecisionChanged,
    DecisionUpheld,
    BoardDecision,
}

/// <summary>How an escalation left a stage.</summary>
public enum StageExit
{
    EscalatedByRaisingSide,
    EscalatedAtDeadline,
    Resolved,
    Withdrawn,
}

/// <summary>The two kinds of timer a stage sets.</summary>
public enum TimerKind
{
    Reminder,
    Deadline,
}
