using System.Text.Json;
using System.Text.Json.Nodes;
using Escalation.Core.Policies;
using Escalation.Core.Tests.TestSupport;

namespace Escalation.Core.Tests.Policies;

/// <summary>The shipped default policy and schema, and a way to make defective copies of the policy.</summary>
internal static class PolicyTestData
{
    public const string FileName = "professional-differences.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string DefaultPath => Path.Combine(RepoPaths.Workflows, FileName);

    public static string DefaultJson { get; } = File.ReadAllText(DefaultPath);

    public static PolicySchema Schema { get; } = PolicySchema.Load(RepoPaths.Workflows);

    /// <summary>Accepts anything, so tests can show the loader's own checks stand without the schema.</summary>
    public static PolicySchema NoSchema { get; } = PolicySchema.FromJson("{}");

    /// <summary>The default policy's JSON after a change, e.g. <c>p => p["version"] = 0</c>.</summary>
    public static string Mutate(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(DefaultJson)!.AsObject();
        change(root);
        return root.ToJsonString(Indented);
    }

    public static JsonObject Stage(this JsonObject policy, int index) => policy["stages"]![index]!.AsObject();

    public static JsonObject Entry(this JsonObject policy, string track, int index) =>
        policy["tracks"]![track]![index]!.AsObject();

    /// <summary>A temporary folder holding a copy of the schema; deleted on dispose.</summary>
    public static TempFolder FolderWithSchema()
    {
        var folder = new TempFolder();
        File.Copy(Path.Combine(RepoPaths.Workflows, PolicySchema.FileName), Path.Combine(folder.Path, PolicySchema.FileName));
        return folder;
    }
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policy-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Write(string fileName, string text) => File.WriteAllText(System.IO.Path.Combine(Path, fileName), text);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
