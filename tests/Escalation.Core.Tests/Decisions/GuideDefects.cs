using System.Text.Json.Nodes;

namespace Escalation.Core.Tests.Decisions;

/// <summary>A defective copy of the shipped guide, and where the loader must say the fault is.</summary>
public sealed record GuideDefect(Func<string> Json, string JsonPath, string Reason);

/// <summary>Named defects, each made by changing one thing in the shipped guide.</summary>
internal static class GuideDefects
{
    public static readonly IReadOnlyDictionary<string, GuideDefect> All = new Dictionary<string, GuideDefect>
    {
        ["bad-json"] = new(
            () => GuideTestData.DefaultJson.Replace("\"version\": 2,", "\"version\": 2", StringComparison.Ordinal),
            "$", "is not valid JSON (line 6, position 3)"),
        ["duplicate-json-property"] = new(
            () => GuideTestData.DefaultJson.Replace("\"version\": 2,", "\"version\": 2, \"version\": 3,", StringComparison.Ordinal),
            "$.version", "appears twice in the same object"),
        ["wrong-kind"] = Change(g => g["kind"] = "escalation-policy", "$.kind", "must be one of: decision-guide"),
        ["version-zero"] = Change(g => g["version"] = 0, "$.version", "must be a positive whole number"),
        ["id-not-kebab"] = Change(g => g["id"] = "Sexual Activity", "$.id", "must be kebab-case"),
        ["unknown-field"] = Change(g => g["colour"] = "red", "$.colour", "is not a recognised field"),
        ["out-of-scope-missing"] = Change(g => g.Remove("outOfScope"), "$.outOfScope", "is required"),
        ["review-months-zero"] = Change(g => g["reviewWithinMonths"] = 0, "$.reviewWithinMonths", "must be a positive whole number"),
        ["first-band-not-from-birth"] = Change(g => g.Band(0)["fromAge"] = 1, "$.ageBands[0].fromAge", "must be 0"),
        ["band-gap"] = Change(g => g.Band(1)["fromAge"] = 14, "$.ageBands[1].fromAge", "must be 13"),
        ["band-overlap"] = Change(g => g.Band(2)["fromAge"] = 15, "$.ageBands[2].fromAge", "must be 16"),
        ["band-negative-age"] = Change(g => g.Band(0)["toAge"] = -1, "$.ageBands[0].toAge", "must be"),
        ["band-ends-before-it-starts"] = Change(g => { g.Band(2)["toAge"] = 15; }, "$.ageBands[2].toAge", "must be at least fromAge (16)"),
        ["band-blank-label"] = Change(g => g.Band(1)["label"] = "  ", "$.ageBands[1].label", "must not be blank"),
        ["unknown-action"] = Change(g => g["actions"]![2]!["key"] = "phone-a-friend", "$.actions[2].key",
            "must be one of: refer-csc, notify-police, consult-dsl, discuss-other-agencies, cse-screening, continue-support, senior-approval-to-override"),
        ["action-not-labelled"] = Change(g => g["actions"]!.AsArray().RemoveAt(6), "$.actions",
            "has no entry for 'senior-approval-to-override'"),
        ["unknown-partner-flag"] = Change(g => g["partnerFlags"]![0]!["key"] = "partnerIsOlder", "$.partnerFlags[0].key",
            "must be one of: partnerInPositionOfTrust, partnerFamilyMember, partnerKnownToAgencies"),
        ["factor-key-not-kebab"] = Change(g => g["factors"]![3]!["key"] = "Age imbalance", "$.factors[3].key", "must be kebab-case"),
        ["factor-help-missing"] = Change(g => g["factors"]![0]!.AsObject().Remove("help"), "$.factors[0].help", "is required"),
        ["key-both-factor-and-sign"] = Change(g => g["warningSigns"]![0]!["key"] = "young-age", "$.warningSigns[0].key",
            "repeats the key 'young-age' of $.factors[0]"),
        ["fraser-key-not-camel"] = Change(g => g["fraser"]!["criteria"]![0]!["key"] = "understands-advice", "$.fraser.criteria[0].key",
            "must be camelCase"),
        ["fraser-no-criteria"] = Change(g => g["fraser"]!["criteria"] = new JsonArray(), "$.fraser.criteria", "must not be empty"),
        ["rule-unknown-factor"] = Change(g => g.Rule("coercion-or-exploitation")["when"]!["factorsAny"]![0] = "bribery",
            "$.rules[4].when.factorsAny[0]", "'bribery' is not a risk factor in this guide"),
        ["rule-sign-under-factors"] = Change(g => g.Rule("coercion-or-exploitation")["when"]!["factorsAny"]![1] = "gang-links",
            "$.rules[4].when.factorsAny[1]", "name it under warningSignsAny instead"),
        ["rule-unknown-band"] = Change(g => g.Rule("age-gap")["when"]!["ageBands"]![0] = "13-14",
            "$.rules[5].when.ageBands[0]", "'13-14' is not an age band in this guide"),
        ["rule-unknown-condition"] = Change(g => g.Rule("age-gap")["when"]!["partnerOlderThan"] = 4,
            "$.rules[5].when.partnerOlderThan", "is not a recognised field"),
        ["rule-zero-age-gap"] = Change(g => g.Rule("age-gap")["when"]!["partnerOlderByAtLeast"] = 0,
            "$.rules[5].when.partnerOlderByAtLeast", "must be a positive whole number"),
        ["rule-any-concern-false"] = Change(g => g.Rule("concern-13-15")["when"]!["anyConcern"] = false,
            "$.rules[6].when.anyConcern", "can only be true"),
        ["rule-unknown-action"] = Change(g => g.Rule("under-13")["actions"]![1]!["action"] = "call-999",
            "$.rules[0].actions[1].action", "must be one of: refer-csc,"),
        ["rule-action-without-reason"] = Change(g => g.Rule("family-member")["actions"]![0]!.AsObject().Remove("reason"),
            "$.rules[2].actions[0].reason", "is required"),
        ["rule-no-actions"] = Change(g => g.Rule("family-member")["actions"] = new JsonArray(), "$.rules[2].actions", "must not be empty"),
        ["rule-action-twice"] = Change(g => g.Rule("every-13-15")["actions"]![1]!["action"] = "consult-dsl",
            "$.rules[8].actions[1].action", "lists 'consult-dsl' a second time"),
        ["rule-id-twice"] = Change(g => g.Rule("family-member")["id"] = "position-of-trust", "$.rules[2].id",
            "repeats the id of $.rules[1]"),
        ["rule-title-missing"] = Change(g => g.Rule("age-gap").Remove("title"), "$.rules[5].title", "is required"),
        ["adult-partner-without-police"] = Change(g => g.Rule("adult-partner")["actions"]!.AsArray().RemoveAt(1), "$.rules",
            "would break a safety rule: a child under 16 with a partner aged 18 or over must always have notify-police, but at age 13"),
        ["under-13-without-police"] = Change(g => g.Rule("under-13")["actions"]!.AsArray().RemoveAt(1), "$.rules",
            "a child under 13 must always have refer-csc and notify-police, but at age 0 'notify-police' is not required"),
        ["younger-child-fewer-actions"] = Change(g => g.Rule("under-13")["actions"]!.AsArray().RemoveAt(3), "$.rules",
            "at age 12 'discuss-other-agencies' is not required, though rule 'age-gap' requires it at age 13 for the same answers (partner aged 17)"),
        ["band-without-catch-all"] = Change(g => g["rules"]!.AsArray().RemoveAt(9), "$.rules",
            "has no rule that always applies to age band '16-17'"),
    };

    public static TheoryData<string> Names => new(All.Keys);

    private static GuideDefect Change(Action<JsonObject> change, string path, string reason) =>
        new(() => GuideTestData.Mutate(change), path, reason);
}
