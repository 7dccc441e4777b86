using System.Text.Json;
using System.Text.Json.Nodes;
using Escalation.Core.Policies;

namespace Escalation.Core.Decisions;

/// <summary>Parses a definition file's text, refusing what JSON readers quietly accept, with faults naming the file.</summary>
internal static class DefinitionJson
{
    public static JsonNode? Parse(string json, string fileName)
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

    /// <summary>The top-level <c>kind</c> of a parsed definition; every definition file must say what it is.</summary>
    public static string KindOf(JsonNode? root, string fileName) =>
        root is JsonObject obj && obj["kind"] is { } kind && kind.GetValueKind() == JsonValueKind.String
            ? kind.GetValue<string>()
            : throw new PolicyValidationException(fileName, "$.kind",
                "is required: every definition file says what kind it is, e.g. \"kind\": \"decision-guide\"");

    // JSON allows a repeated property name and readers silently keep one of the two; in a definition it is a mistake.
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
