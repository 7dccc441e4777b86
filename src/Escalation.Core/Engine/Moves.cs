using Escalation.Core.Policies;

namespace Escalation.Core.Engine;

/// <summary>
/// The only moves an escalation can make. A person makes the first five; the dispatcher makes the last two
/// when a timer falls due.
/// </summary>
public abstract record Move;

/// <summary>Opens an escalation at <paramref name="StartAtStage"/> (normally the first stage).</summary>
public sealed record Raise(Guid Id, Track Track, int StartAtStage, string? StartAtStageReason) : Move;

/// <summary>Adds to the record at the current stage.</summary>
public sealed record Respond(string Note) : Move;

/// <summary>Moves to the next stage at the raising side's request.</summary>
public sealed record Escalate(string Reason) : Move;

public sealed record Resolve(OutcomeKind Outcome, string Statement) : Move;

public sealed record Withdraw(string Reason) : Move;

/// <summary>
/// The reminder timer for <paramref name="Stage"/> fell due, at <see cref="FellDueAt"/> when the dispatcher knows it
/// (an entry acted on late says so: <see cref="LateTimer"/>).
/// </summary>
public sealed record ReminderDue(int Stage) : Move
{
    public DateTimeOffset? FellDueAt { get; init; }
}

/// <summary>The deadline timer for <paramref name="Stage"/> fell due, at <see cref="FellDueAt"/> when the dispatcher knows it.</summary>
public sealed record DeadlinePassed(int Stage) : Move
{
    public DateTimeOffset? FellDueAt { get; init; }
}
