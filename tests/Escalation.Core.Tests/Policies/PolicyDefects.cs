using System.Text.Json.Nodes;

namespace Escalation.Core.Tests.Policies;

/// <summary>A defective copy of the default policy, and where the loader must say the fault is.</summary>
public sealed record PolicyDefect(Func<string> Json, string JsonPath, string Reason);

/// <summary>Named defects, each made by changing one thing in the real default policy.</summary>
internal static class PolicyDefects
{
    public static readonly IReadOnlyDictionary<string, PolicyDefect> All = new Dictionary<string, PolicyDefect>
    {
        ["bad-json"] = new(
            () => PolicyTestData.DefaultJson.Replace("\"version\": 1,", "\"version\": 1", StringComparison.Ordinal),
            "$", "is not valid JSON (line 6, position 3)"),
        ["duplicate-json-property"] = new(
            () => PolicyTestData.DefaultJson.Replace("\"version\": 1,", "\"version\": 1, \"version\": 2,", StringComparison.Ordinal),
            "$.version", "appears twice in the same object"),
        ["version-zero"] = Change(p => p["version"] = 0, "$.version", "must be a positive whole number"),
        ["version-with-a-point"] = new(
            () => PolicyTestData.DefaultJson.Replace("\"version\": 1,", "\"version\": 1.0,", StringComparison.Ordinal),
            "$.version", "must be a positive whole number"),
        ["version-text"] = Change(p => p["version"] = "1", "$.version", "must be a positive whole number"),
        ["id-not-kebab"] = Change(p => p["id"] = "Professional Differences", "$.id", "must be kebab-case"),
        ["wrong-kind"] = Change(p => p["kind"] = "decision-guide", "$.kind", "must be one of: escalation-policy"),
        ["unknown-field"] = Change(p => p.Stage(0)["colour"] = "red", "$.stages[0].colour", "is not a recognised field"),
        ["stage-title-missing"] = Change(p => p.Stage(0).Remove("title"), "$.stages[0].title", "is required"),
        ["duplicate-stage-number"] = Change(p => p.Stage(1)["number"] = 1, "$.stages[1].number", "repeats stage 1"),
        ["stages-not-from-1"] = Change(
            p => { foreach (var stage in p["stages"]!.AsArray()) { stage!["number"] = stage["number"]!.GetValue<int>() + 1; } },
            "$.stages[0].number", "must be 1"),
        ["stages-not-consecutive"] = Change(p => p.Stage(3)["number"] = 5, "$.stages[3].number", "must be 4"),
        ["duplicate-stage-key"] = Change(p => p.Stage(2)["key"] = "manager", "$.stages[2].key", "repeats the key 'manager' of stage 2"),
        ["unknown-who-acts"] = Change(p => p.Stage(1)["whoActs"] = "directors", "$.stages[1].whoActs",
            "must be one of: parties, managers, seniors, board"),
        ["unknown-on-deadline"] = Change(p => p.Stage(0)["onDeadline"] = "wait", "$.stages[0].onDeadline",
            "must be one of: escalate, notify"),
        ["last-stage-escalates"] = Change(p => p.Stage(3)["onDeadline"] = "escalate", "$.stages[3].onDeadline",
            "cannot be escalate at the last stage"),
        ["unknown-also-tell"] = Change(p => p.Stage(3)["alsoTell"]![0] = "the-mayor", "$.stages[3].alsoTell[0]", "must be one of: raiser,"),
        ["missing-track"] = Change(p => p["tracks"]!.AsObject().Remove("urgent"), "$.tracks.urgent", "is required"),
        ["unknown-track"] = Change(p => p["tracks"]!["fast"] = new JsonArray(), "$.tracks.fast", "is not a recognised field"),
        ["track-missing-stage"] = Change(p => p["tracks"]!["standard"]!.AsArray().RemoveAt(2), "$.tracks.standard",
            "has no entry for stage 3"),
        ["track-unknown-stage"] = Change(p => p.Entry("urgent", 3)["stage"] = 7, "$.tracks.urgent[3].stage",
            "names stage 7, which the policy does not have"),
        ["track-stage-twice"] = Change(p => p.Entry("standard", 3)["stage"] = 3, "$.tracks.standard[3].stage",
            "lists stage 3 a second time"),
        ["negative-deadline"] = Change(p => p.Entry("standard", 1)["deadline"]!["workingDays"] = -2,
            "$.tracks.standard[1].deadline.workingDays", "must be a positive whole number"),
        ["zero-deadline"] = Change(p => p.Entry("urgent", 2)["deadline"]!["workingDays"] = 0,
            "$.tracks.urgent[2].deadline.workingDays", "must be a positive whole number"),
        ["zero-hours-deadline"] = Change(p => p.Entry("urgent", 0)["deadline"] = new JsonObject { ["hours"] = 0 },
            "$.tracks.urgent[0].deadline.hours", "must be a positive whole number"),
        ["deadline-in-both-units"] = Change(p => p.Entry("standard", 0)["deadline"]!["hours"] = 24,
            "$.tracks.standard[0].deadline", "must have exactly one of workingDays or hours"),
        ["deadline-in-no-unit"] = Change(p => p.Entry("urgent", 1)["deadline"] = new JsonObject(),
            "$.tracks.urgent[1].deadline", "must have exactly one of workingDays or hours"),
        ["reminder-in-both-units"] = Change(p => p.Entry("urgent", 1)["reminder"]!["workingDaysBefore"] = 1,
            "$.tracks.urgent[1].reminder", "must have exactly one of workingDaysBefore or hoursBefore"),
        ["reminder-on-deadline-day"] = Change(p => p.Entry("standard", 0)["reminder"]!["workingDaysBefore"] = 5,
            "$.tracks.standard[0].reminder.workingDaysBefore", "must be less than the deadline (5 working days)"),
        ["reminder-after-deadline"] = Change(p => p.Entry("standard", 3)["reminder"]!["workingDaysBefore"] = 11,
            "$.tracks.standard[3].reminder.workingDaysBefore", "must be less than the deadline (10 working days)"),
        ["reminder-hours-not-before"] = Change(
            p => p.Entry("urgent", 0)["deadline"] = new JsonObject { ["hours"] = 4 },
            "$.tracks.urgent[0].reminder.hoursBefore", "must be less than the deadline (4 hours)"),
        ["reminder-days-before-hours-deadline"] = Change(
            p =>
            {
                p.Entry("urgent", 0)["deadline"] = new JsonObject { ["hours"] = 24 };
                p.Entry("urgent", 0)["reminder"] = new JsonObject { ["workingDaysBefore"] = 1 };
            },
            "$.tracks.urgent[0].reminder.workingDaysBefore", "must be less than the deadline (24 hours)"),
        ["reminder-zero"] = Change(p => p.Entry("urgent", 0)["reminder"]!["hoursBefore"] = 0,
            "$.tracks.urgent[0].reminder.hoursBefore", "must be a positive whole number"),
        ["no-categories"] = Change(p => p["categories"] = new JsonArray(), "$.categories", "must not be empty"),
        ["duplicate-category-key"] = Change(p => p["categories"]![2]!["key"] = "below-threshold", "$.categories[2].key",
            "repeats the category key 'below-threshold'"),
        ["category-key-not-kebab"] = Change(p => p["categories"]![1]!["key"] = "Section 47", "$.categories[1].key",
            "must be kebab-case"),
        ["blank-category-label"] = Change(p => p["categories"]![0]!["label"] = " ", "$.categories[0].label", "must not be blank"),
        ["duplicate-level-of-need"] = Change(p => p["levelsOfNeed"]![3]!["level"] = 2, "$.levelsOfNeed[3].level",
            "repeats level of need 2"),
        ["missing-notification-event"] = Change(p => p["notifications"]!.AsObject().Remove("withdrawn"),
            "$.notifications.withdrawn", "is required"),
        ["unknown-audience"] = Change(p => p["notifications"]!["reminder"]![0] = "mum", "$.notifications.reminder[0]",
            "must be one of: raiser, respondent, parties, stage-actors, next-stage-actors, everyone-so-far, board-business-unit, board-chair"),
        ["audience-twice"] = Change(p => p["notifications"]!["raised"]![1] = "respondent", "$.notifications.raised",
            "must not list the same value twice"),
    };

    public static TheoryData<string> Names => new(All.Keys);

    private static PolicyDefect Change(Action<JsonObject> change, string path, string reason) =>
        new(() => PolicyTestData.Mutate(change), path, reason);
}
