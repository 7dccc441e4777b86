using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Escalation.Core.Policies;

namespace Escalation.Core.Decisions;

/// <summary>Reads the rules, checking every key they name against the rest of the guide.</summary>
internal sealed partial class DecisionGuideReader
{
    private ReadOnlyCollection<DecisionRule> Rules(JsonArray list, DecisionGuide guide)
    {
        var rules = new List<DecisionRule>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = At("$.rules", i);
            var obj = Object(list[i], at, "id", "title", "when", "actions", "explanation");
            var id = Key(obj, "id", at);
            var same = rules.FindIndex(r => r.Id == id);
            if (same >= 0)
            {
                throw Fault(At(at, "id"), $"repeats the id of {At("$.rules", same)}: each rule needs its own id");
            }

            var when = Condition(Required(obj, "when", at), At(at, "when"), guide);
            rules.Add(new DecisionRule(id, Text(obj, "title", at), when, RuleActions(List(obj, "actions", at), At(at, "actions")),
                Text(obj, "explanation", at)));
        }

        if (guide.AgeBands.FirstOrDefault(b => !rules.Any(r => r.When.AlwaysHoldsFor(b.Key))) is { } uncovered)
        {
            throw Fault("$.rules", $"has no rule that always applies to age band '{uncovered.Key}': " +
                "add one whose only condition is that age band, so every child gets a result");
        }

        return rules.AsReadOnly();
    }

    private ReadOnlyCollection<RequiredAction> RuleActions(JsonArray list, string path)
    {
        var actions = new List<RequiredAction>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = At(path, i);
            var obj = Object(list[i], at, "action", "reason");
            var action = Choice(Required(obj, "action", at), At(at, "action"), DecisionActions.All);
            if (actions.Any(a => a.Action == action))
            {
                throw Fault(At(at, "action"), $"lists '{action}' a second time in this rule");
            }

            actions.Add(new RequiredAction(action, Text(obj, "reason", at)));
        }

        return actions.AsReadOnly();
    }

    private RuleCondition Condition(JsonNode node, string path, DecisionGuide guide)
    {
        var obj = Object(node, path, "ageBands", "partnerAgeAtLeast", "partnerOlderByAtLeast", "partnerFlagsAny", "factorsAny",
            "warningSignsAny", "anyConcern");
        var factorKeys = guide.Factors.Select(f => f.Key).ToArray();
        var signKeys = guide.WarningSigns.Select(w => w.Key).ToArray();
        return new RuleCondition(
            obj["ageBands"] is { } bands
                ? Keys(bands, At(path, "ageBands"), guide.AgeBands.Select(b => b.Key).ToArray(), "an age band", "$.ageBands")
                : null,
            obj["partnerAgeAtLeast"] is { } age ? PositiveValue(age, At(path, "partnerAgeAtLeast")) : null,
            obj["partnerOlderByAtLeast"] is { } gap ? PositiveValue(gap, At(path, "partnerOlderByAtLeast")) : null,
            obj["partnerFlagsAny"] is { } flags ? PartnerFlagList(flags, At(path, "partnerFlagsAny")) : null,
            obj["factorsAny"] is { } factors
                ? Keys(factors, At(path, "factorsAny"), factorKeys, "a risk factor", "$.factors", (signKeys, "warningSignsAny"))
                : null,
            obj["warningSignsAny"] is { } signs
                ? Keys(signs, At(path, "warningSignsAny"), signKeys, "a warning sign", "$.warningSigns", (factorKeys, "factorsAny"))
                : null,
            obj["anyConcern"] is { } concern && OnlyTrue(concern, At(path, "anyConcern")));
    }

    /// <summary>A non-empty list of keys the guide defines; <paramref name="other"/> catches a key filed under the wrong list.</summary>
    private ReadOnlyCollection<string> Keys(JsonNode node, string path, IReadOnlyList<string> defined, string what, string definedAt,
        (IReadOnlyList<string> Keys, string Condition)? other = null)
    {
        var list = ListValue(node, path);
        var keys = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var key = KeyValue(list[i], At(path, i));
            if (!defined.Contains(key, StringComparer.Ordinal))
            {
                throw Fault(At(path, i), other is { } o && o.Keys.Contains(key, StringComparer.Ordinal)
                    ? $"'{key}' is not {what}: name it under {o.Condition} instead"
                    : $"'{key}' is not {what} in this guide: define it in {definedAt} first");
            }

            keys.Add(key);
        }

        return keys.Distinct(StringComparer.Ordinal).Count() == keys.Count ? keys.AsReadOnly() : throw Fault(path, PolicyFaults.Repeated);
    }

    private ReadOnlyCollection<string> PartnerFlagList(JsonNode node, string path)
    {
        var list = ListValue(node, path);
        var flags = list.Select((item, i) => Choice(item, At(path, i), PartnerFlags.All)).ToArray();
        return flags.Distinct(StringComparer.Ordinal).Count() == flags.Length ? flags.AsReadOnly() : throw Fault(path, PolicyFaults.Repeated);
    }

    private bool OnlyTrue(JsonNode node, string path) => node.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => throw Fault(path, GuideFaults.OnlyTrue),
        _ => throw Fault(path, GuideFaults.Boolean),
    };
}
