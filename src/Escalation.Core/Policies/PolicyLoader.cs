using System.Text.Json;
using System.Text.Json.Nodes;

namespace Escalation.Core.Policies;

/// <summary>
/// Loads escalation policies from <c>workflows/</c>. Each file is checked against <c>policy.schema.json</c> and then
/// by the loader's own rules; any fault throws <see cref="PolicyValidationException"/> naming the file and field, so
/// a caller gets a complete, immutable <see cref="PolicyDefinition"/> or nothing.
/// </summary>
public static class PolicyLoader
{
    /// <summary>The <c>kind</c> of an escalation policy file. Files of other kinds (decision guides, bank holidays) are not policies.</summary>
    public const string Kind = PolicyReader.Kind;

    /// <summary>Parses and validates one policy's JSON text.</summary>
    /// <param name="json">The policy file's text.</param>
    /// <param name="fileName">The name used in fault messages, e.g. <c>professional-differences.json</c>.</param>
    /// <param name="schema">The schema to check against, usually <see cref="PolicySchema.Load"/> of the policy's folder.</param>
    /// <exception cref="PolicyValidationException">The text is not a valid policy.</exception>
    public static PolicyDefinition Parse(string json, string fileName, PolicySchema schema)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(schema);
        var node = ParseJson(json, fileName);
        var faults = schema.Validate(json);
        if (faults.Count > 0)
        {
            throw new PolicyValidationException(fileName, faults);
        }

        return new PolicyReader(fileName).Read(node);
    }

    /// <summary>Loads one policy file, checked against the <c>policy.schema.json</c> in the same folder.</summary>
    /// <exception cref="PolicyValidationException">The file or the schema beside it is not valid.</exception>
    public static PolicyDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Load(path, PolicySchema.Load(Path.GetDirectoryName(Path.GetFullPath(path))!));
    }

    /// <summary>Loads one policy file, checked against the given schema.</summary>
    /// <exception cref="PolicyValidationException">The file is not a valid policy.</exception>
    public static PolicyDefinition Load(string path, PolicySchema schema)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path), schema);
    }

    /// <summary>
    /// Loads every policy in a definitions folder: each <c>*.json</c> whose top-level <c>kind</c> is
    /// <see cref="Kind"/>, checked against the folder's <c>policy.schema.json</c>. Schemas (<c>*.schema.json</c>)
    /// and files of another kind are skipped; a file with no <c>kind</c> is a fault, as is the same id and version
    /// in two files. Policies are returned in file-name order.
    /// </summary>
    /// <exception cref="PolicyValidationException">Any definition file in the folder is not valid.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<PolicyDefinition> LoadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = Directory.GetFiles(folder, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        PolicySchema? schema = null;
        var loaded = new List<(PolicyDefinition Policy, string File)>();
        foreach (var path in files)
        {
            var fileName = Path.GetFileName(path);
            var json = File.ReadAllText(path);
            if (KindOf(json, fileName) != Kind)
            {
                continue;
            }

            schema ??= PolicySchema.Load(folder);
            var policy = Parse(json, fileName, schema);
            if (loaded.Find(p => p.Policy.Id == policy.Id && p.Policy.Version == policy.Version) is { File: { } first })
            {
                throw new PolicyValidationException(fileName, "$.version",
                    $"policy '{policy.Id}' version {policy.Version} is already defined in {first}: give this one a new version");
            }

            loaded.Add((policy, fileName));
        }

        return loaded.Select(p => p.Policy).ToArray().AsReadOnly();
    }

    private static string KindOf(string json, string fileName) =>
        ParseJson(json, fileName) is JsonObject root && root["kind"] is { } kind && kind.GetValueKind() == JsonValueKind.String
            ? kind.GetValue<string>()
            : throw new PolicyValidationException(fileName, "$.kind",
                "is required: every definition file says what kind it is, e.g. \"kind\": \"escalation-policy\"");

    private static JsonNode? ParseJson(string json, string fileName)
    {
        try
        {
            using (var document = JsonDocument.Parse(json))
            {
                RefuseDuplicates(document.RootElement, "$", fileName);
            }

            return JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts lines and bytes from zero; editors count from one.
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd();
            throw new PolicyValidationException(fileName, "$", $"is not valid JSON{where}: {reason}", ex);
        }
    }

    // JSON allows a repeated property name, and readers silently keep one of the two; in a policy it is a mistake.
    private static void RefuseDuplicates(JsonElement element, string path, string fileName)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                RefuseDuplicates(item, $"{path}[{i++}]", fileName);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var at = $"{path}.{property.Name}";
                if (!seen.Add(property.Name))
                {
                    throw new PolicyValidationException(fileName, at, "appears twice in the same object");
                }

                RefuseDuplicates(property.Value, at, fileName);
            }
        }
    }
}
