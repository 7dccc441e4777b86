using Escalation.Core.Decisions;
using Escalation.Data.Entities;
using Escalation.Services.Decisions;

namespace Escalation.Web.Api;

/// <summary>The contract's evaluate body. Every field is optional here, so the evaluator can name each one at fault.</summary>
internal sealed record EvaluateBody(
    int? ChildAgeYears,
    int? PartnerAgeYears,
    IReadOnlyList<string?>? Factors,
    IReadOnlyList<string?>? WarningSigns,
    bool? PartnerInPositionOfTrust,
    bool? PartnerFamilyMember,
    bool? PartnerKnownToAgencies,
    bool? ContraceptionRequested,
    Dictionary<string, bool?>? Fraser)
{
    public DecisionAnswers ToAnswers() => new(ChildAgeYears, PartnerAgeYears, Factors, WarningSigns, PartnerInPositionOfTrust,
        PartnerFamilyMember, PartnerKnownToAgencies, ContraceptionRequested, Fraser);
}

/// <summary>The evaluate body plus the child's reference and the practitioner's decision.</summary>
internal sealed record AssessmentBody(
    int? ChildAgeYears,
    int? PartnerAgeYears,
    IReadOnlyList<string?>? Factors,
    IReadOnlyList<string?>? WarningSigns,
    bool? PartnerInPositionOfTrust,
    bool? PartnerFamilyMember,
    bool? PartnerKnownToAgencies,
    bool? ContraceptionRequested,
    Dictionary<string, bool?>? Fraser,
    string? ChildReference,
    DecisionBody? Decision)
{
    public DecisionAnswers ToAnswers() => new(ChildAgeYears, PartnerAgeYears, Factors, WarningSigns, PartnerInPositionOfTrust,
        PartnerFamilyMember, PartnerKnownToAgencies, ContraceptionRequested, Fraser);
}

internal sealed record DecisionBody(
    IReadOnlyList<string?>? ActionsTaken, string? Rationale, string? Consulted, DateTimeOffset? ConsultedAt, Guid? ApproverId, DateOnly? ReviewDate)
{
    public RecordedDecision ToDecision() => new(ActionsTaken, Rationale, Consulted, ConsultedAt, ApproverId, ReviewDate);
}

/// <summary>
/// The contract's evaluate result: <c>rules</c> lists every rule that matched, most serious first, and <c>rule</c> is the
/// first of them; plus each required action's label and reason for the result page.
/// </summary>
internal sealed record EvaluationDto(
    string AgeBand, string Rule, IReadOnlyList<string> Rules, IReadOnlyList<string> RequiredActions, string Explanation, bool? FraserMet,
    IReadOnlyList<RequiredActionDto> Actions);

internal sealed record RequiredActionDto(string Key, string Label, string Reason);

internal sealed record DefinitionRefDto(string Id, int Version);

/// <summary>What the pages need from the guide: every key with its label and help text.</summary>
internal sealed record DefinitionDto(
    string Id, int Version, string Title, string OutOfScope, int ReviewWithinMonths,
    IReadOnlyList<AgeBandDto> AgeBands, IReadOnlyList<GuideItemDto> Factors, IReadOnlyList<GuideItemDto> WarningSigns,
    IReadOnlyList<GuideItemDto> PartnerFlags, FraserDto Fraser, IReadOnlyList<GuideItemDto> Actions);

internal sealed record AgeBandDto(string Key, string Label, int FromAge, int ToAge, string Help);

internal sealed record GuideItemDto(string Key, string Label, string Help, string? Group);

internal sealed record FraserDto(int AppliesUnderAge, IReadOnlyList<GuideItemDto> Criteria);

/// <summary>A stored assessment as it reads back: the answers, the result it was given, and the decision.</summary>
internal sealed record AssessmentDto(
    Guid Id, string ChildReference, DefinitionRefDto Definition, System.Text.Json.JsonElement Answers,
    string AgeBand, string Rule, IReadOnlyList<string> Rules, IReadOnlyList<string> RequiredActions, string Explanation, bool? FraserMet,
    DecisionDto Decision, bool Referred, PersonRefDto AssessedBy, PersonRefDto? Approver, DateTimeOffset CreatedAt,
    ReviewDto? Review, ApprovalDto? Approval);

/// <summary>The senior's approval: <c>pending</c> until they act, then <c>approved</c> or <c>declined</c>, when, and their note.</summary>
internal sealed record ApprovalDto(string Status, Guid ApproverId, DateTimeOffset? DecidedAt, string? Note);

/// <summary>One line of the list of assessments the caller may read.</summary>
internal sealed record AssessmentItemDto(Guid Id, string ChildReference, string AgeBand, DateTimeOffset CreatedAt, DateOnly? ReviewDate, ApprovalDto? Approval);

/// <summary>The approver's answer. Both fields are optional here, so the check can name each one at fault.</summary>
internal sealed record ApprovalBody(bool? Approve, string? Note);

internal sealed record DecisionDto(
    IReadOnlyList<string> ActionsTaken, string? Rationale, string? Consulted, DateTimeOffset? ConsultedAt, Guid? ApproverId, DateOnly? ReviewDate);

internal sealed record PersonRefDto(Guid Id, string Name, Guid AgencyId);

/// <summary>The review reminder: when it falls due, and whether it has been sent (<c>pending</c>, <c>fired</c>, <c>cancelled</c>).</summary>
internal sealed record ReviewDto(DateTimeOffset DueAt, string State, DateTimeOffset? DoneAt);

internal static class DecisionMapping
{
    public static EvaluationDto ToDto(DecisionResult r, DecisionGuide guide) => new(
        r.AgeBand, r.Rule, r.Rules, r.RequiredActions, r.Explanation, r.FraserMet,
        [.. r.Actions.Select(a => new RequiredActionDto(a.Action, guide.ActionLabel(a.Action), a.Reason))]);

    public static DefinitionDto ToDto(DecisionGuide g) => new(
        g.Id, g.Version, g.Title, g.OutOfScope, g.ReviewWithinMonths,
        [.. g.AgeBands.Select(b => new AgeBandDto(b.Key, b.Label, b.FromAge, b.ToAge, b.Help))],
        Items(g.Factors), Items(g.WarningSigns), Items(g.PartnerFlags),
        new FraserDto(g.Fraser.AppliesUnderAge, Items(g.Fraser.Criteria)), Items(g.Actions));

    public static AssessmentDto ToDto(AssessmentView view, TimerRecord? review)
    {
        var a = view.Assessment;
        using var answers = System.Text.Json.JsonDocument.Parse(a.Answers);
        return new AssessmentDto(
            a.Id, a.ChildReference, new DefinitionRefDto(a.DefinitionId, a.DefinitionVersion), answers.RootElement.Clone(),
            a.AgeBand, a.Rule, StoredRules(a), [.. a.RequiredActions], a.Explanation, a.FraserMet,
            new DecisionDto([.. a.ActionsTaken], a.Rationale, a.Consulted, a.ConsultedAt, a.ApproverId, a.ReviewDate),
            a.Referred, Person(view.AssessedBy), view.Approver is { } approver ? Person(approver) : null, a.CreatedAt,
            review is null ? null : new ReviewDto(review.DueAt, review.State.ToString().ToLowerInvariant(), review.DoneAt),
            ToDto(view.Approval));
    }

    // Version 1 of the guide applied only its first matching rule, and its assessments keep just that one.
    private static string[] StoredRules(Data.Entities.Assessment a) => a.Rules.Count > 0 ? [.. a.Rules] : [a.Rule];

    public static ApprovalDto? ToDto(AssessmentApproval? approval) => approval is null
        ? null
        : new ApprovalDto(approval.Status.ToString().ToLowerInvariant(), approval.ApproverId, approval.DecidedAt, approval.Note);

    public static AssessmentItemDto ToDto(AssessmentListItem item) =>
        new(item.Id, item.ChildReference, item.AgeBand, item.CreatedAt, item.ReviewDate, ToDto(item.Approval));

    private static GuideItemDto[] Items(IEnumerable<GuideItem> items) =>
        [.. items.Select(i => new GuideItemDto(i.Key, i.Label, i.Help, i.Group))];

    private static PersonRefDto Person(DirectoryPersonName p) => new(p.Id, p.Name, p.AgencyId);
}
