using Escalation.Data.Engine;
using Escalation.Data.Entities;

namespace Escalation.Services.Timers;

/// <summary>A claimed timer, as its handler sees it.</summary>
public sealed record DueTimer(long Id, WorkKind Kind, Guid? EscalationId, int? Stage, Guid? AssessmentId, DateOnly? PeriodFrom, DateTimeOffset DueAt);

/// <summary>
/// Does the work of the timers of some kinds. Registered as a scoped <see cref="ITimerHandler"/>;
/// <see cref="TimerProcessor"/> claims the due timers and hands each kind's to its handler, inside the batch's transaction.
/// </summary>
public interface ITimerHandler
{
    IReadOnlyCollection<WorkKind> Kinds { get; }

    /// <summary>
    /// Does the work of each due timer, writing through the batch's writers, and marks it fired or cancelled
    /// with <see cref="TimerBatch.MarkAsync"/>; a timer left unmarked stays pending and is claimed again later.
    /// </summary>
    Task FireAsync(IReadOnlyList<DueTimer> due, TimerBatch batch, CancellationToken ct);

    /// <summary>Sets any timer the handler keeps by itself; called when the service starts. Must be safe to repeat.</summary>
    Task ScheduleAsync(CancellationToken ct);
}

/// <summary>The transaction a batch of timers fires in: its writers and the instant the batch began.</summary>
public sealed class TimerBatch
{
    internal TimerBatch(TransitionWriter writer, OutboxWriter outbox, DateTimeOffset now)
    {
        Writer = writer;
        Outbox = outbox;
        Now = now;
    }

    internal TransitionWriter Writer { get; }

    /// <summary>Queues the mails a timer sends, in the batch's transaction.</summary>
    public OutboxWriter Outbox { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Marks a claimed timer fired or cancelled.</summary>
    public async Task MarkAsync(DueTimer timer, TimerState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        // The claim holds the timer's row, so this means the claim failed: undo the whole batch.
        if (!await Writer.MarkTimerAsync(timer.Id, state, Now, ct))
            throw new InvalidOperationException($"Timer {timer.Id} was no longer pending although it was claimed.");
    }
}
