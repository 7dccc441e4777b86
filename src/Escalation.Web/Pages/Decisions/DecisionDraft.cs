using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Web.Api;

namespace Escalation.Web.Pages.Decisions;

/// <summary>The pages of the decision journey, in order.</summary>
internal static class DecisionSteps
{
    public const string Start = "/decisions/sexual-activity";
    public const string Child = "/decisions/sexual-activity/child";
    public const string OutOfScope = "/decisions/sexual-activity/out-of-scope";
    public const string Partner = "/decisions/sexual-activity/partner";
    public const string RiskFactors = "/decisions/sexual-activity/risk-factors";
    public const string WarningSigns = "/decisions/sexual-activity/warning-signs";
    public const string Contraception = "/decisions/sexual-activity/contraception";
    public const string Fraser = "/decisions/sexual-activity/fraser";
    public const string Result = "/decisions/sexual-activity/result";
    public const string Record = "/decisions/sexual-activity/record";

    public const string Assessments = "/decisions/sexual-activity/assessments";

    public static string Assessment(Guid id) => $"/decisions/sexual-activity/assessments/{id}";

    /// <summary>The page that asks for a field the evaluator or the decision check names.</summary>
    public static string For(string field) => field switch
    {
        "childAgeYears" or "childReference" => Child,
        "partnerAgeYears" or PartnerFlags.PositionOfTrust or PartnerFlags.FamilyMember or PartnerFlags.KnownToAgencies => Partner,
        "factors" => RiskFactors,
        "warningSigns" => WarningSigns,
        "contraceptionRequested" => Contraception,
        _ when field.StartsWith("fraser", StringComparison.Ordinal) => Fraser,
        _ => Record,
    };
}

/// <summary>
/// The answers of an assessment being made, one page at a time. Nothing is stored in the database until the decision
/// is recorded.
/// </summary>
internal sealed class DecisionDraft
{
    public Guid OwnerId { get; set; }

    public string? ChildReference { get; set; }

    public int? ChildAgeYears { get; set; }

    public bool PartnerAnswered { get; set; }

    public int? PartnerAgeYears { get; set; }

    public List<string> PartnerFlags { get; set; } = [];

    public bool FactorsAnswered { get; set; }

    public List<string> Factors { get; set; } = [];

    public bool WarningSignsAnswered { get; set; }

    public List<string> WarningSigns { get; set; } = [];

    public bool? ContraceptionRequested { get; set; }

    public Dictionary<string, bool> Fraser { get; set; } = [];

    /// <summary>Set once the person has seen the result: each page then goes back there.</summary>
    public bool SeenResult { get; set; }

    /// <summary>Whether the Fraser criteria are asked: contraception is asked for, by a child young enough.</summary>
    public bool AsksFraser(DecisionGuide guide) => ContraceptionRequested == true && ChildAgeYears < guide.Fraser.AppliesUnderAge;

    /// <summary>The first page whose question has no answer yet, or null when every question is answered.</summary>
    public string? FirstUnanswered(DecisionGuide guide) =>
        ChildReference is null || ChildAgeYears is null ? DecisionSteps.Child
        : !PartnerAnswered ? DecisionSteps.Partner
        : !FactorsAnswered ? DecisionSteps.RiskFactors
        : !WarningSignsAnswered ? DecisionSteps.WarningSigns
        : ContraceptionRequested is null ? DecisionSteps.Contraception
        : AsksFraser(guide) && guide.Fraser.Criteria.Any(c => !Fraser.ContainsKey(c.Key)) ? DecisionSteps.Fraser
        : null;

    public DecisionAnswers ToAnswers() => new(
        ChildAgeYears, PartnerAgeYears, [.. Factors], [.. WarningSigns],
        PartnerFlags.Contains(Core.Decisions.PartnerFlags.PositionOfTrust),
        PartnerFlags.Contains(Core.Decisions.PartnerFlags.FamilyMember),
        PartnerFlags.Contains(Core.Decisions.PartnerFlags.KnownToAgencies),
        ContraceptionRequested == true,
        ContraceptionRequested == true ? Fraser.ToDictionary(f => f.Key, f => (bool?)f.Value) : null);
}

/// <summary>Keeps the <see cref="DecisionDraft"/> in the person's session (the database's session_entries table, keyed by a cookie).</summary>
internal static class DecisionDraftStore
{
    private const string Key = "decision-draft";

    /// <summary>The signed-in person's draft; a new one if they have none (or the session holds someone else's).</summary>
    public static DecisionDraft Load(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var json = http.Session.GetString(Key);
        var draft = json is null ? null : JsonSerializer.Deserialize<DecisionDraft>(json);
        var personId = http.User.PersonId();
        return draft is not null && draft.OwnerId == personId ? draft : new DecisionDraft { OwnerId = personId };
    }

    public static void Save(HttpContext http, DecisionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(draft);
        draft.OwnerId = http.User.PersonId();
        http.Session.SetString(Key, JsonSerializer.Serialize(draft));
    }

    public static void Clear(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Session.Remove(Key);
    }
}
