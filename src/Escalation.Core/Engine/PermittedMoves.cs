namespace Escalation.Core.Engine;

/// <summary>
/// The moves a person may make on an escalation now, as <see cref="TransitionTable.PermittedMoves"/> answers.
/// <see cref="BoardDecision"/> is a resolution with the board-decision outcome, so it comes with <see cref="Resolve"/>.
/// </summary>
[Flags]
public enum PermittedMoves
{
    None = 0,
    Respond = 1,
    Escalate = 2,
    Resolve = 4,
    BoardDecision = 8,
    Withdraw = 16,
}
