namespace Escalation.Core.Decisions;

/// <summary>
/// The practitioner's decision, as sent in the contract's <c>decision</c> object: the actions taken, why any required
/// action was left out, who was consulted and when, the senior who approved an override, and when to review.
/// </summary>
public sealed record RecordedDecision(
    IReadOnlyList<string?>? ActionsTaken,
    string? Rationale = null,
    string? Consulted = null,
    DateTimeOffset? ConsultedAt = null,
    Guid? ApproverId = null,
    DateOnly? ReviewDate = null);

/// <summary>
/// The outcome of checking a decision. <see cref="Invalid"/> holds input that is not valid in itself (a 400);
/// <see cref="Unprocessable"/> holds what the guide's rules demand and the decision lacks (a 422). Fields are named
/// as in the request body, e.g. <c>decision.rationale</c>.
/// </summary>
public sealed record DecisionCheck(
    IReadOnlyDictionary<string, string[]> Invalid,
    IReadOnlyDictionary<string, string[]> Unprocessable,
    IReadOnlyList<string> ActionsTaken,
    IReadOnlyList<string> LeftOut)
{
    public bool IsValid => Invalid.Count == 0 && Unprocessable.Count == 0;

    /// <summary>Whether the decision refers the child to Children's Social Care.</summary>
    public bool Referred => ActionsTaken.Contains(DecisionActions.ReferCsc);
}
