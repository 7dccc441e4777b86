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

/// <summary>A durable timer: a reminder or a deadline, claimed and fired by the dispatcher exactly once.</summary>
public sealed class TimerRecord
{
    public long Id { get; set; }

    public Guid EscalationId { get; set; }

    public TimerKind Kind { get; set; }

    public int Stage { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public TimerState State { get; set; }

    /// <summary>The node holding the claim, and until when; after that another node may take it over.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}

public enum TimerState
{
    Pending,
    Fired,
    Cancelled,
}
