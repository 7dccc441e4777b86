using System.Collections.ObjectModel;
using System.Text.Json.Nodes;

namespace Escalation.Core.Policies;

/// <summary>
/// Turns a parsed policy file into a <see cref="PolicyDefinition"/>, checking everything the schema checks and the
/// rules it cannot express (stage numbering, tracks covering every stage once, reminders before deadlines).
/// It stands alone, so a lax or outdated schema can never let half a policy through. Stops at the first fault.
/// </summary>
internal sealed partial class PolicyReader
{
    public const string Kind = "escalation-policy";

    public PolicyDefinition Read(JsonNode? node)
    {
        var root = Object(node, "$", "$schema", "kind", "id", "version", "title", "sources", "stages", "tracks",
            "categories", "levelsOfNeed", "notifications");
        if (TextValue(Required(root, "kind", "$"), "$.kind") != Kind)
        {
            throw Fault("$.kind", PolicyFaults.OneOf([Kind]));
        }

        var id = Key(root, "id", "$");
        var version = Positive(root, "version", "$");
        var title = Text(root, "title", "$");
        var sources = List(root, "sources", "$");
        for (var i = 0; i < sources.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(TextValue(sources[i], $"$.sources[{i}]")))
            {
                throw Fault($"$.sources[{i}]", PolicyFaults.Blank);
            }
        }

        var stages = Stages(List(root, "stages", "$"));
        return new PolicyDefinition(id, version, title, stages, Tracks(root, stages), Categories(root),
            LevelsOfNeed(root), Notifications(root));
    }

    private ReadOnlyCollection<StageDefinition> Stages(JsonArray list)
    {
        var stages = new List<StageDefinition>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = At("$.stages", i);
            var obj = Object(list[i], path, "number", "key", "title", "whoActs", "alsoTell", "onDeadline");
            var number = Positive(obj, "number", path);
            if (stages.Any(s => s.Number == number))
            {
                throw Fault(At(path, "number"), $"repeats stage {number}: each stage needs its own number");
            }

            if (number != i + 1)
            {
                throw Fault(At(path, "number"), $"must be {i + 1}: stages are numbered 1, 2, 3 and so on, in order");
            }

            var key = Key(obj, "key", path);
            if (stages.Find(s => s.Key == key) is { } same)
            {
                throw Fault(At(path, "key"), $"repeats the key '{key}' of stage {same.Number}");
            }

            var alsoTell = obj["alsoTell"] is { } tell ? Audiences(tell, At(path, "alsoTell")) : ReadOnlyCollection<Audience>.Empty;
            for (var a = 0; a < alsoTell.Count; a++)
            {
                // These name people relative to a stage, so a stage cannot also tell them: it would mean itself.
                if (alsoTell[a] is Audience.StageActors or Audience.NextStageActors or Audience.EveryoneSoFar)
                {
                    throw Fault(At(At(path, "alsoTell"), a),
                        $"'{JsonNames.Kebab(alsoTell[a])}' cannot be told in addition to a stage: name people, such as board-chair");
                }
            }

            stages.Add(new StageDefinition(
                number,
                key,
                Text(obj, "title", path),
                Choice<WhoActs>(Required(obj, "whoActs", path), At(path, "whoActs")),
                Choice<DeadlineAction>(Required(obj, "onDeadline", path), At(path, "onDeadline")),
                alsoTell));
        }

        if (stages[^1].OnDeadline == DeadlineAction.Escalate)
        {
            throw Fault(At(At("$.stages", stages.Count - 1), "onDeadline"),
                "cannot be escalate at the last stage, which has no stage above it: use notify");
        }

        return stages.AsReadOnly();
    }

    private ReadOnlyDictionary<Track, IReadOnlyList<StageTimescale>> Tracks(JsonObject root, IReadOnlyList<StageDefinition> stages)
    {
        var tracks = System.Enum.GetValues<Track>();
        var obj = Object(Required(root, "tracks", "$"), "$.tracks", tracks.Select(t => JsonNames.Camel(t)).ToArray());
        return tracks
            .ToDictionary(t => t, IReadOnlyList<StageTimescale> (t) => TrackTimescales(List(obj, JsonNames.Camel(t), "$.tracks"), At("$.tracks", JsonNames.Camel(t)), stages))
            .AsReadOnly();
    }

    private ReadOnlyCollection<StageTimescale> TrackTimescales(JsonArray list, string path, IReadOnlyList<StageDefinition> stages)
    {
        var timescales = new List<StageTimescale>();
        for (var i = 0; i < list.Count; i++)
        {
            var entry = At(path, i);
            var obj = Object(list[i], entry, "stage", "deadline", "reminder");
            var stage = Positive(obj, "stage", entry);
            if (stages.All(s => s.Number != stage))
            {
                throw Fault(At(entry, "stage"), $"names stage {stage}, which the policy does not have (its stages are 1 to {stages.Count})");
            }

            if (timescales.Any(t => t.Stage == stage))
            {
                throw Fault(At(entry, "stage"), $"lists stage {stage} a second time: each track lists every stage once");
            }

            var deadline = Deadline(Required(obj, "deadline", entry), At(entry, "deadline"));
            var reminder = obj["reminder"] is { } node ? Reminder(node, At(entry, "reminder"), deadline) : null;
            timescales.Add(new StageTimescale(stage, deadline, reminder));
        }

        if (stages.FirstOrDefault(s => timescales.All(t => t.Stage != s.Number)) is { } missing)
        {
            throw Fault(path, $"has no entry for stage {missing.Number}: each track lists every stage once");
        }

        return timescales.OrderBy(t => t.Stage).ToArray().AsReadOnly();
    }

    private Duration Deadline(JsonNode node, string path)
    {
        var obj = Object(node, path, "workingDays", "hours");
        var days = OptionalPositive(obj, "workingDays", path);
        var hours = OptionalPositive(obj, "hours", path);
        return (days is null) != (hours is null)
            ? new Duration(days, hours)
            : throw Fault(path, PolicyFaults.ExactlyOneOf(["workingDays", "hours"]));
    }

    private ReminderOffset Reminder(JsonNode node, string path, Duration deadline)
    {
        var obj = Object(node, path, "workingDaysBefore", "hoursBefore");
        var days = OptionalPositive(obj, "workingDaysBefore", path);
        var hours = OptionalPositive(obj, "hoursBefore", path);
        if ((days is null) == (hours is null))
        {
            throw Fault(path, PolicyFaults.ExactlyOneOf(["workingDaysBefore", "hoursBefore"]));
        }

        // Compared in hours, counting a working day as 24 (its shortest span), so that with mixed units a reminder
        // that could land at or before the stage's start is refused.
        var before = (long?)days * 24 ?? hours!.Value;
        var length = (long?)deadline.WorkingDays * 24 ?? deadline.Hours!.Value;
        if (before >= length)
        {
            throw Fault(At(path, days is null ? "hoursBefore" : "workingDaysBefore"),
                $"must be less than the deadline ({PolicyDiagram.Describe(deadline)}): a reminder has to fall before its deadline");
        }

        return new ReminderOffset(days, hours);
    }

    private ReadOnlyCollection<CategoryDefinition> Categories(JsonObject root)
    {
        var list = List(root, "categories", "$");
        var categories = new List<CategoryDefinition>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = At("$.categories", i);
            var obj = Object(list[i], path, "key", "label");
            var key = Key(obj, "key", path);
            if (categories.Any(c => c.Key == key))
            {
                throw Fault(At(path, "key"), $"repeats the category key '{key}'");
            }

            categories.Add(new CategoryDefinition(key, Text(obj, "label", path)));
        }

        return categories.AsReadOnly();
    }

    private ReadOnlyCollection<LevelOfNeedDefinition> LevelsOfNeed(JsonObject root)
    {
        var list = List(root, "levelsOfNeed", "$");
        var levels = new List<LevelOfNeedDefinition>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = At("$.levelsOfNeed", i);
            var obj = Object(list[i], path, "level", "label");
            var level = Positive(obj, "level", path);
            if (levels.Any(l => l.Level == level))
            {
                throw Fault(At(path, "level"), $"repeats level of need {level}");
            }

            levels.Add(new LevelOfNeedDefinition(level, Text(obj, "label", path)));
        }

        return levels.AsReadOnly();
    }

    private ReadOnlyDictionary<NotificationEvent, IReadOnlyList<Audience>> Notifications(JsonObject root)
    {
        var events = System.Enum.GetValues<NotificationEvent>();
        var obj = Object(Required(root, "notifications", "$"), "$.notifications", events.Select(e => JsonNames.Camel(e)).ToArray());
        // Every event of the first version is required; those added later are optional, so older policies still load.
        return events
            .Where(e => e is not NotificationEvent.Responded || obj.ContainsKey(JsonNames.Camel(e)))
            .ToDictionary(e => e, IReadOnlyList<Audience> (e) => Audiences(Required(obj, JsonNames.Camel(e), "$.notifications"), At("$.notifications", JsonNames.Camel(e))))
            .AsReadOnly();
    }
}
