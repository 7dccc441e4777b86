namespace Escalation.Core.Decisions;

/// <summary>
/// What a practitioner enters: the contract's evaluate body, as sent. Anything may be missing or wrong;
/// <see cref="DecisionEvaluator"/> checks it and names each field at fault.
/// </summary>
/// <remarks><c>Fraser</c> maps a criterion key (as the guide defines it, e.g. <c>understandsAdvice</c>) to yes or no.</remarks>
public sealed record DecisionAnswers(
    int? ChildAgeYears,
    int? PartnerAgeYears = null,
    IReadOnlyList<string?>? Factors = null,
    IReadOnlyList<string?>? WarningSigns = null,
    bool? PartnerInPositionOfTrust = null,
    bool? PartnerFamilyMember = null,
    bool? PartnerKnownToAgencies = null,
    bool? ContraceptionRequested = null,
    IReadOnlyDictionary<string, bool?>? Fraser = null);

/// <summary>
/// The answers once checked: keys as the guide spells them, each once, and absent flags as no. This is what an
/// assessment stores as "the answers given".
/// </summary>
/// <remarks><c>Fraser</c> holds the Fraser answers given, by the guide's keys; it is empty when none were sent.</remarks>
public sealed record CheckedAnswers(
    int ChildAgeYears,
    int? PartnerAgeYears,
    IReadOnlyList<string> Factors,
    IReadOnlyList<string> WarningSigns,
    bool PartnerInPositionOfTrust,
    bool PartnerFamilyMember,
    bool PartnerKnownToAgencies,
    bool ContraceptionRequested,
    IReadOnlyDictionary<string, bool> Fraser)
{
    /// <summary>Whether a partner flag (by its key in <see cref="PartnerFlags"/>) is yes.</summary>
    public bool Flag(string key) => key switch
    {
        PartnerFlags.PositionOfTrust => PartnerInPositionOfTrust,
        PartnerFlags.FamilyMember => PartnerFamilyMember,
        PartnerFlags.KnownToAgencies => PartnerKnownToAgencies,
        _ => false,
    };

    /// <summary>Any factor or warning sign ticked, or any partner flag yes.</summary>
    public bool AnyConcern => Factors.Count > 0 || WarningSigns.Count > 0
        || PartnerInPositionOfTrust || PartnerFamilyMember || PartnerKnownToAgencies;
}

/// <summary>The result of evaluating answers against a guide: the contract's evaluate response, and each action's reason.</summary>
/// <param name="AgeBand">The child's age band key, e.g. <c>13-15</c>.</param>
/// <param name="MatchedRules">Every rule that applied, most serious first (the guide's order). Never empty.</param>
/// <param name="RequiredActions">The union of the matched rules' actions, in the guide's order of actions.</param>
/// <param name="Explanation">Each matched rule's explanation, most serious first, one paragraph each, then the Fraser note when Fraser applies.</param>
/// <param name="FraserMet">Whether all Fraser criteria are met; null when no contraception is asked for or the child is too old for Fraser.</param>
/// <param name="Actions">Each required action, in the same order, with the reason of the most serious rule that requires it.</param>
public sealed record DecisionResult(
    string AgeBand,
    IReadOnlyList<DecisionRule> MatchedRules,
    IReadOnlyList<string> RequiredActions,
    string Explanation,
    bool? FraserMet,
    IReadOnlyList<RequiredAction> Actions)
{
    /// <summary>The paragraph separator in <see cref="Explanation"/>.</summary>
    public const string ParagraphBreak = "\n\n";

    /// <summary>The ids of every rule that applied, most serious first: the contract's <c>rules</c>.</summary>
    public IReadOnlyList<string> Rules => [.. MatchedRules.Select(r => r.Id)];

    /// <summary>The most serious rule that applied: the contract's <c>rule</c>.</summary>
    public string Rule => MatchedRules[0].Id;

    /// <summary>Whether leaving out a required action needs a named senior's approval.</summary>
    public bool NeedsSeniorApprovalToOverride => RequiredActions.Contains(DecisionActions.SeniorApprovalToOverride);
}

/// <summary>Either the checked answers and their result, or the faults by field (all of them, for a 400).</summary>
public sealed record DecisionEvaluation(
    CheckedAnswers? Answers, DecisionResult? Result, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
