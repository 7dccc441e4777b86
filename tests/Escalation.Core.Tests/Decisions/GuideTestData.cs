using System.Text.Json;
using System.Text.Json.Nodes;
using Escalation.Core.Decisions;
using Escalation.Core.Tests.Policies;
using Escalation.Core.Tests.TestSupport;

namespace Escalation.Core.Tests.Decisions;

/// <summary>The shipped sexual-activity guide and its schema, and a way to make defective copies of the guide.</summary>
internal static class GuideTestData
{
    public const string FileName = "sexual-activity.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string DefaultJson { get; } = File.ReadAllText(Path.Combine(RepoPaths.Workflows, FileName));

    public static DecisionGuideSchema Schema { get; } = DecisionGuideSchema.Load(RepoPaths.Workflows);

    public static DecisionGuide Guide { get; } = DecisionGuideLoader.Parse(DefaultJson, FileName, Schema);

    /// <summary>The default guide's JSON after a change, e.g. <c>g => g["version"] = 0</c>.</summary>
    public static string Mutate(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(DefaultJson)!.AsObject();
        change(root);
        return root.ToJsonString(Indented);
    }

    public static JsonObject Rule(this JsonObject guide, string id) =>
        guide["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!.AsObject();

    public static JsonObject Band(this JsonObject guide, int index) => guide["ageBands"]![index]!.AsObject();

    /// <summary>A temporary folder holding a copy of the guide's schema; deleted on dispose.</summary>
    public static TempFolder FolderWithSchema()
    {
        var folder = new TempFolder();
        File.Copy(Path.Combine(RepoPaths.Workflows, DecisionGuideSchema.FileName), Path.Combine(folder.Path, DecisionGuideSchema.FileName));
        return folder;
    }
}

/// <summary>Builds answers for the evaluator: a child of the given age and nothing else, changed with <c>with</c>.</summary>
internal static class Answers
{
    public static DecisionAnswers Child(int age, int? partner = null) => new(age, partner, [], [], false, false, false, false, null);

    public static Dictionary<string, bool?> Fraser(bool understands = true, bool cannotTell = true, bool continues = true,
        bool health = true, bool best = true) => new()
    {
        ["understandsAdvice"] = understands,
        ["cannotBePersuadedToTellParents"] = cannotTell,
        ["likelyToContinueSex"] = continues,
        ["healthWouldSuffer"] = health,
        ["bestInterests"] = best,
    };

    public static DecisionResult Result(DecisionAnswers answers)
    {
        var evaluation = DecisionEvaluator.Evaluate(GuideTestData.Guide, answers);
        Assert.True(evaluation.IsValid, string.Join("; ", evaluation.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return evaluation.Result!;
    }
}
