namespace Escalation.Core.Decisions;

/// <summary>
/// The action keys a rule can require, by the exact names in the contract. A guide gives each its label and help text;
/// two have a meaning the code relies on: <see cref="ReferCsc"/> (no referral means a review date) and
/// <see cref="SeniorApprovalToOverride"/> (leaving out an action needs a senior's approval).
/// </summary>
public static class DecisionActions
{
    public const string ReferCsc = "refer-csc";
    public const string NotifyPolice = "notify-police";
    public const string ConsultDsl = "consult-dsl";
    public const string DiscussOtherAgencies = "discuss-other-agencies";
    public const string CseScreening = "cse-screening";
    public const string ContinueSupport = "continue-support";

    /// <summary>
    /// Not an action to take but a condition on the others: when a rule requires it, leaving out any other required
    /// action needs a rationale and the approval of a named person who holds the <c>Senior</c> role.
    /// </summary>
    public const string SeniorApprovalToOverride = "senior-approval-to-override";

    /// <summary>Every action key, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> All =
        [ReferCsc, NotifyPolice, ConsultDsl, DiscussOtherAgencies, CseScreening, ContinueSupport, SeniorApprovalToOverride];
}

/// <summary>The partner flags: yes-or-no questions about the partner, keyed by their field in the evaluate body.</summary>
public static class PartnerFlags
{
    public const string PositionOfTrust = "partnerInPositionOfTrust";
    public const string FamilyMember = "partnerFamilyMember";
    public const string KnownToAgencies = "partnerKnownToAgencies";

    /// <summary>Every partner flag, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> All = [PositionOfTrust, FamilyMember, KnownToAgencies];
}
