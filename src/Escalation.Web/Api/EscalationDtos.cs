using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data.Entities;

namespace Escalation.Web.Api;

/// <summary>An escalation as the contract shows it.</summary>
internal sealed record EscalationDto(
    Guid Id,
    string Reference,
    string Status,
    string Track,
    PolicyRefDto Policy,
    StageDto Stage,
    ChildDto Child,
    string Category,
    int LevelOfNeed,
    PartyDto RaisedBy,
    PartyDto Respondent,
    string DecisionChallenged,
    DateOnly DecisionDate,
    string Concern,
    string DesiredOutcome,
    string? StartAtStageReason,
    string? UrgentReason,
    Guid? AssessmentId,
    DateTimeOffset RaisedAt,
    OutcomeDto? Outcome,
    IReadOnlyList<HistoryDto> History,
    int Version,
    IReadOnlyList<string> PermittedMoves);

internal sealed record PolicyRefDto(string Id, int Version);

internal sealed record StageDto(int Number, string Key, string Title, DateTimeOffset StartedAt, DateTimeOffset DueAt, bool Overdue);

internal sealed record ChildDto(string Reference, int? AgeYears);

internal sealed record PartyDto(Guid Id, string Name, Guid AgencyId);

internal sealed record OutcomeDto(string Kind, string Statement, IReadOnlyList<string> Actions, string? Learning, string? GoodPractice);

internal sealed record HistoryDto(DateTimeOffset At, string Type, int Stage, Guid? ById, string? Note);

/// <summary>
/// One line of the escalations list: enough to sort and filter, without the history. The raising and receiving agencies
/// are those the escalation was raised between, whatever agency its parties work in now.
/// </summary>
internal sealed record EscalationSummaryDto(
    Guid Id, string Reference, string Status, string Track, StageDto Stage, ChildDto Child, string Category,
    PartyDto RaisedBy, PartyDto Respondent, DateTimeOffset RaisedAt, int Version, Guid RaisingAgencyId, Guid ReceivingAgencyId);

internal sealed record NoteBody(string? Note);

internal sealed record ReasonBody(string? Reason);

internal sealed record ResolveBody(string? Outcome, string? Statement, IReadOnlyList<string?>? Actions, string? Learning, string? GoodPractice);

internal static class EscalationMapping
{
    public static EscalationDto ToDto(EscalationRecord e, PolicyDefinition policy, IReadOnlyList<HistoryRecord> history,
        IReadOnlyDictionary<Guid, PartyDto> people, DateTimeOffset now, PermittedMoves permitted) => new(
        e.Id, e.Reference, Lower(e.Status), Lower(e.Track), new PolicyRefDto(e.PolicyId, e.PolicyVersion),
        Stage(e, policy, now), new ChildDto(e.ChildReference, e.ChildAgeYears), e.Category, e.LevelOfNeed,
        Party(people, e.RaisedById), Party(people, e.RespondentId), e.DecisionChallenged, e.DecisionDate, e.Concern,
        e.DesiredOutcome, e.StartAtStageReason, e.UrgentReason, e.AssessmentId, e.RaisedAt, Outcome(e),
        [.. history.Select(h => new HistoryDto(h.At, JsonNames.Kebab(h.Type), h.Stage, h.ById, h.Note))],
        e.Version, MoveNames(permitted));

    /// <summary>The moves the viewer may make now, as the transition table answers, in the names of their endpoints.</summary>
    public static IReadOnlyList<string> MoveNames(PermittedMoves permitted) =>
        [.. Enum.GetValues<PermittedMoves>().Where(m => m != PermittedMoves.None && permitted.HasFlag(m)).Select(m => JsonNames.Kebab(m))];

    public static EscalationSummaryDto ToSummary(EscalationRecord e, PolicyDefinition policy,
        IReadOnlyDictionary<Guid, PartyDto> people, DateTimeOffset now) => new(
        e.Id, e.Reference, Lower(e.Status), Lower(e.Track), Stage(e, policy, now), new ChildDto(e.ChildReference, e.ChildAgeYears),
        e.Category, Party(people, e.RaisedById), Party(people, e.RespondentId), e.RaisedAt, e.Version, e.RaisingAgencyId, e.ReceivingAgencyId);

    public static StageDto Stage(EscalationRecord e, PolicyDefinition policy, DateTimeOffset now)
    {
        var stage = policy.Stage(e.Stage);
        return new StageDto(e.Stage, stage.Key, stage.Title, e.StageStartedAt, e.StageDueAt, e.ToState().IsOverdue(now));
    }

    public static bool TryParseOutcome(string? text, out OutcomeKind kind)
    {
        kind = default;
        return text is not null && JsonNames.TryParseKebab(text, out kind);
    }

    private static OutcomeDto? Outcome(EscalationRecord e) => e.OutcomeKind is { } kind
        ? new OutcomeDto(JsonNames.Kebab(kind), e.OutcomeStatement ?? string.Empty,
            e.OutcomeActions?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [], e.OutcomeLearning, e.OutcomeGoodPractice)
        : null;

    private static PartyDto Party(IReadOnlyDictionary<Guid, PartyDto> people, Guid id) =>
        people.TryGetValue(id, out var party) ? party : new PartyDto(id, "(no longer in the directory)", Guid.Empty);

    private static string Lower<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
