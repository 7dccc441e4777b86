using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using Escalation.Core.Policies;

namespace Escalation.Core.Decisions;

/// <summary>
/// Turns a parsed guide file into a <see cref="DecisionGuide"/>, checking everything the schema checks and what it
/// cannot express: age bands running on from 0, keys unique, every key a rule names defined, each band ending with a
/// rule that always applies, and no rule hidden behind one. It stands alone, so a lax schema never lets half a guide in.
/// Stops at the first fault.
/// </summary>
internal sealed partial class DecisionGuideReader
{
    public const string Kind = "decision-guide";

    public DecisionGuide Read(JsonNode? node)
    {
        var root = Object(node, "$", "$schema", "kind", "id", "version", "title", "sources", "outOfScope", "reviewWithinMonths",
            "ageBands", "actions", "partnerFlags", "factors", "warningSigns", "fraser", "rules");
        if (TextValue(Required(root, "kind", "$"), "$.kind") != Kind)
        {
            throw Fault("$.kind", PolicyFaults.OneOf([Kind]));
        }

        var id = Key(root, "id", "$");
        var version = Positive(root, "version", "$");
        var title = Text(root, "title", "$");
        var sourceList = List(root, "sources", "$");
        var sources = sourceList.Select((s, i) => NonBlank(s, At("$.sources", i))).ToArray();
        var outOfScope = Text(root, "outOfScope", "$");
        var reviewWithinMonths = Positive(root, "reviewWithinMonths", "$");
        var bands = AgeBands(List(root, "ageBands", "$"));
        var actions = Fixed(List(root, "actions", "$"), "$.actions", DecisionActions.All);
        var partnerFlags = Fixed(List(root, "partnerFlags", "$"), "$.partnerFlags", PartnerFlags.All);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var factors = Checklist(List(root, "factors", "$"), "$.factors", seen);
        var warningSigns = Checklist(List(root, "warningSigns", "$"), "$.warningSigns", seen);
        var fraser = Fraser(Required(root, "fraser", "$"));
        var guide = new DecisionGuide(id, version, title, sources.AsReadOnly(), outOfScope, reviewWithinMonths, bands, actions,
            partnerFlags, factors, warningSigns, fraser, []);
        return guide with { Rules = Rules(List(root, "rules", "$"), guide) };
    }

    private ReadOnlyCollection<AgeBand> AgeBands(JsonArray list)
    {
        var bands = new List<AgeBand>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = At("$.ageBands", i);
            var obj = Object(list[i], path, "key", "label", "fromAge", "toAge", "help");
            var key = Key(obj, "key", path);
            if (bands.Find(b => b.Key == key) is { } same)
            {
                throw Fault(At(path, "key"), $"repeats the key '{same.Key}' of another age band");
            }

            var from = Age(obj, "fromAge", path);
            var expected = i == 0 ? 0 : bands[^1].ToAge + 1;
            if (from != expected)
            {
                throw Fault(At(path, "fromAge"), i == 0
                    ? "must be 0: the first age band starts at birth"
                    : $"must be {expected}: each age band starts the year after the one before ends, with no gap or overlap");
            }

            var to = Age(obj, "toAge", path);
            if (to < from)
            {
                throw Fault(At(path, "toAge"), $"must be at least fromAge ({from})");
            }

            bands.Add(new AgeBand(key, Text(obj, "label", path), from, to, Text(obj, "help", path)));
        }

        return bands.AsReadOnly();
    }

    /// <summary>A list of items whose keys are fixed by the code: each of <paramref name="keys"/> exactly once.</summary>
    private ReadOnlyCollection<GuideItem> Fixed(JsonArray list, string path, IReadOnlyList<string> keys)
    {
        var items = new List<GuideItem>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = At(path, i);
            var obj = Object(list[i], at, "key", "label", "help");
            var key = Choice(Required(obj, "key", at), At(at, "key"), keys);
            if (items.Any(a => a.Key == key))
            {
                throw Fault(At(at, "key"), $"lists '{key}' a second time: give each its label once");
            }

            items.Add(new GuideItem(key, Text(obj, "label", at), Text(obj, "help", at)));
        }

        if (keys.FirstOrDefault(k => items.All(a => a.Key != k)) is { } missing)
        {
            throw Fault(path, $"has no entry for '{missing}': give each of {string.Join(", ", keys)} a label and help text");
        }

        return items.AsReadOnly();
    }

    /// <summary>Factors or warning signs; <paramref name="seen"/> keeps keys unique across both lists.</summary>
    private ReadOnlyCollection<GuideItem> Checklist(JsonArray list, string path, Dictionary<string, string> seen)
    {
        var items = new List<GuideItem>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = At(path, i);
            var obj = Object(list[i], at, "key", "group", "label", "help");
            var key = Key(obj, "key", at);
            if (!seen.TryAdd(key, at))
            {
                throw Fault(At(at, "key"), $"repeats the key '{key}' of {seen[key]}: each factor and warning sign needs its own key");
            }

            var group = Key(obj, "group", at);
            items.Add(new GuideItem(key, Text(obj, "label", at), Text(obj, "help", at), group));
        }

        return items.AsReadOnly();
    }

    private FraserCriteria Fraser(JsonNode node)
    {
        const string path = "$.fraser";
        var obj = Object(node, path, "appliesUnderAge", "criteria", "metNote", "notMetNote");
        var under = Positive(obj, "appliesUnderAge", path);
        var list = List(obj, "criteria", path);
        var criteria = new List<GuideItem>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = At(At(path, "criteria"), i);
            var item = Object(list[i], at, "key", "label", "help");
            var key = CamelKeyValue(Required(item, "key", at), At(at, "key"));
            if (criteria.Any(c => c.Key == key))
            {
                throw Fault(At(at, "key"), $"repeats the criterion '{key}'");
            }

            criteria.Add(new GuideItem(key, Text(item, "label", at), Text(item, "help", at)));
        }

        return new FraserCriteria(under, criteria.AsReadOnly(), Text(obj, "metNote", path), Text(obj, "notMetNote", path));
    }
}
