using Escalation.Core.Policies;

namespace Escalation.Core.Engine;

/// <summary>
/// What one allowed move changed. The caller persists all of it in one transaction, or none of it.
/// </summary>
public sealed record Transition(
    EscalationState State,
    IReadOnlyList<HistoryItem> History,
    StageLeft? StageLeft,
    StageEntered? StageEntered,
    bool CancelPendingTimers,
    IReadOnlyList<TimerRequest> Timers,
    IReadOnlyList<MailIntent> Mails);

/// <summary>A permanent history entry. <paramref name="ById"/> is null for a move the service made by itself.</summary>
public sealed record HistoryItem(DateTimeOffset At, HistoryType Type, int Stage, Guid? ById, string? Note);

public sealed record StageLeft(int Stage, DateTimeOffset At, StageExit How);

public sealed record StageEntered(int Stage, DateTimeOffset At, DateTimeOffset DueAt);

/// <summary>A timer to write, in the same transaction as the move that set it.</summary>
public sealed record TimerRequest(TimerKind Kind, int Stage, DateTimeOffset DueAt);

/// <summary>
/// A mail to send: the event, the stage it is about, and who receives it by audience.
/// Addresses are resolved from the directory when the outbox rows are written. <see cref="Except"/> is never told,
/// whatever audience names them (the author of a response).
/// </summary>
public sealed record MailIntent(NotificationEvent Event, int Stage, IReadOnlyList<Audience> Audiences)
{
    public Guid? Except { get; init; }

    /// <summary>
    /// Audiences resolved at the stage above <see cref="Stage"/>, told in this same mail: when a deadline passes and the
    /// escalation moves up, the new stage's audiences hear of it in the deadline mail, not in a second one. Anyone named
    /// by both lists gets the mail once.
    /// </summary>
    public IReadOnlyList<Audience> NextStageAudiences { get; init; } = [];

    /// <summary>The template under <c>templates/email/</c>, e.g. <c>stage-entered</c>.</summary>
    public string TemplateKey => TemplateKeys.For(Event);
}

public static class TemplateKeys
{
    public static string For(NotificationEvent notificationEvent) => notificationEvent switch
    {
        NotificationEvent.Raised => "raised",
        NotificationEvent.StageEntered => "stage-entered",
        NotificationEvent.Reminder => "reminder",
        NotificationEvent.DeadlineMissed => "deadline-missed",
        NotificationEvent.Resolved => "resolved",
        NotificationEvent.Withdrawn => "withdrawn",
        NotificationEvent.Responded => "responded",
        _ => throw new ArgumentOutOfRangeException(nameof(notificationEvent), notificationEvent, null),
    };
}

/// <summary>The one failure of the transition table: the move is not allowed now, for this person.</summary>
public sealed record MoveRejected(RejectionReason Reason, string Message);

/// <summary>Why a move was refused. The HTTP edge maps each to one status code.</summary>
public enum RejectionReason
{
    /// <summary>This person may not make this move on this escalation.</summary>
    NotPermitted,

    /// <summary>The escalation is closed, or the move makes no sense at this stage (e.g. escalate at the last stage).</summary>
    WrongState,

    /// <summary>The move's own input breaks a policy rule (unknown stage, missing reason).</summary>
    InvalidInput,

    /// <summary>A timer for a stage the escalation has already left: cancel it, do not fire it.</summary>
    StaleTimer,
}

/// <summary>Either a transition or the reason there is none.</summary>
public readonly record struct MoveResult(Transition? Transition, MoveRejected? Rejection)
{
    public bool IsAllowed => Transition is not null;

    public static implicit operator MoveResult(Transition transition) => new(transition, null);

    public static implicit operator MoveResult(MoveRejected rejection) => new(null, rejection);
}
