namespace Escalation.Core.Decisions;

/// <summary>
/// A versioned decision guide loaded from <c>workflows/</c> (<c>"kind": "decision-guide"</c>): the age bands, what a
/// practitioner can tick, the Fraser criteria, the actions and the rules that map answers to required actions. Every
/// rule whose conditions hold applies, and the required actions are the union of theirs.
/// A board adapts it by editing the file; <see cref="DecisionGuideLoader"/> refuses one that is not valid.
/// </summary>
/// <param name="Id">The guide's kebab-case id, e.g. <c>sexual-activity</c>.</param>
/// <param name="Version">Each stored assessment keeps the version it was made under.</param>
/// <param name="Title">The guide's title.</param>
/// <param name="Sources">The published procedures the rules come from.</param>
/// <param name="OutOfScope">What a practitioner is told when the child is older than the last age band.</param>
/// <param name="ReviewWithinMonths">The latest review date a decision may set, in months from today.</param>
/// <param name="AgeBands">Contiguous bands from age 0, youngest first.</param>
/// <param name="Actions">The label and help text of every action, in the order results list them.</param>
/// <param name="PartnerFlags">The yes-or-no questions about the partner, keyed by their input field name.</param>
/// <param name="Factors">The risk factors.</param>
/// <param name="WarningSigns">The warning signs of exploitation, and vulnerabilities.</param>
/// <param name="Fraser">The Fraser criteria for contraception under <see cref="FraserCriteria.AppliesUnderAge"/>.</param>
/// <param name="Rules">Every rule that matches applies; listed most serious first, which is the order results give them in.</param>
public sealed record DecisionGuide(
    string Id,
    int Version,
    string Title,
    IReadOnlyList<string> Sources,
    string OutOfScope,
    int ReviewWithinMonths,
    IReadOnlyList<AgeBand> AgeBands,
    IReadOnlyList<GuideItem> Actions,
    IReadOnlyList<GuideItem> PartnerFlags,
    IReadOnlyList<GuideItem> Factors,
    IReadOnlyList<GuideItem> WarningSigns,
    FraserCriteria Fraser,
    IReadOnlyList<DecisionRule> Rules)
{
    /// <summary>The oldest age the guide covers: the last band's upper age.</summary>
    public int MaxAge => AgeBands[^1].ToAge;

    /// <summary>The band a child of this age falls in, or null when the age is outside every band.</summary>
    public AgeBand? BandFor(int ageYears) => AgeBands.FirstOrDefault(b => ageYears >= b.FromAge && ageYears <= b.ToAge);

    /// <summary>The label of an action key, or the key itself if the guide does not define it.</summary>
    public string ActionLabel(string key) => Actions.FirstOrDefault(a => a.Key == key)?.Label ?? key;
}

/// <summary>One age band, in whole years, both ends included.</summary>
public sealed record AgeBand(string Key, string Label, int FromAge, int ToAge, string Help);

/// <summary>
/// Something the guide names for people: a risk factor, a warning sign, an action, a partner flag or a Fraser criterion.
/// <paramref name="Group"/> is set for factors and warning signs only (e.g. <c>risk-factor</c>, <c>vulnerability</c>).
/// </summary>
public sealed record GuideItem(string Key, string Label, string Help, string? Group = null);

/// <summary>The Fraser criteria: every one must be met for contraception without a parent's consent.</summary>
/// <param name="AppliesUnderAge">They are asked for a child younger than this (16).</param>
/// <param name="Criteria">The criteria, keyed camelCase as in the evaluate body's <c>fraser</c> object.</param>
/// <param name="MetNote">Added to the explanation when every criterion is met.</param>
/// <param name="NotMetNote">Added to the explanation when any is not.</param>
public sealed record FraserCriteria(int AppliesUnderAge, IReadOnlyList<GuideItem> Criteria, string MetNote, string NotMetNote);

/// <summary>A rule: when its conditions all hold, the actions it lists are required, whatever other rules also hold.</summary>
/// <param name="Id">The rule's kebab-case id, listed in the result's <c>rules</c> and stored with the assessment.</param>
/// <param name="Title">A short heading for the rule's reason on the result page, e.g. "The partner is an adult".</param>
/// <param name="When">The conditions.</param>
/// <param name="Actions">The required actions in the file's order, each with the reason shown beside it.</param>
/// <param name="Explanation">Why, in plain English.</param>
public sealed record DecisionRule(string Id, string Title, RuleCondition When, IReadOnlyList<RequiredAction> Actions, string Explanation)
{
    /// <summary>Whether leaving out any required action needs a named senior's approval.</summary>
    public bool NeedsSeniorApprovalToOverride => Actions.Any(a => a.Action == DecisionActions.SeniorApprovalToOverride);
}

/// <summary>One action a rule requires, and the reason the result gives for it.</summary>
public sealed record RequiredAction(string Action, string Reason);

/// <summary>
/// A rule's conditions. Every one that is set must hold; a list condition holds when any of its keys applies.
/// A condition with nothing set always holds. Every condition asks for more concern (an older partner, a ticked item),
/// never for its absence, so ticking more can only add rules: that is what keeps "more concern, never fewer actions".
/// </summary>
/// <param name="AgeBands">The child's band is one of these.</param>
/// <param name="PartnerAgeAtLeast">The partner's age is known and at least this.</param>
/// <param name="PartnerOlderByAtLeast">The partner's age is known and at least this many years above the child's.</param>
/// <param name="PartnerFlagsAny">Any of these partner flags is answered yes.</param>
/// <param name="FactorsAny">Any of these risk factors is ticked.</param>
/// <param name="WarningSignsAny">Any of these warning signs is ticked.</param>
/// <param name="AnyConcern">Any factor or warning sign is ticked, or any partner flag is yes.</param>
public sealed record RuleCondition(
    IReadOnlyList<string>? AgeBands = null,
    int? PartnerAgeAtLeast = null,
    int? PartnerOlderByAtLeast = null,
    IReadOnlyList<string>? PartnerFlagsAny = null,
    IReadOnlyList<string>? FactorsAny = null,
    IReadOnlyList<string>? WarningSignsAny = null,
    bool AnyConcern = false)
{
    /// <summary>Whether the condition holds whatever the answers, for a child in <paramref name="band"/>.</summary>
    public bool AlwaysHoldsFor(string band) =>
        (AgeBands is null || AgeBands.Contains(band)) && PartnerAgeAtLeast is null && PartnerOlderByAtLeast is null
        && PartnerFlagsAny is null && FactorsAny is null && WarningSignsAny is null && !AnyConcern;
}
