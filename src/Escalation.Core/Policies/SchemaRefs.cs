using System.Text.Json;

namespace Escalation.Core.Policies;

/// <summary>
/// Checks a schema's <c>$ref</c>s before JsonSchema.Net builds it: each must lead to a subschema in the same file, and
/// no chain of them may come back to where it started without going into a field or an item. The library finds the
/// first only when a document happens to reach the <c>$ref</c>, and recurses until the stack overflows on the second.
/// </summary>
internal static class SchemaRefs
{
    // Keywords whose subschemas apply to the same value, not to a field or an item of it.
    private static readonly string[] InPlace = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else"];

    // Keywords whose values are data, not subschemas.
    private static readonly string[] Data = ["enum", "const", "default", "examples"];

    public static void Check(JsonElement root, string fileName)
    {
        var schemas = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        Collect(root, "$", schemas);
        foreach (var (path, schema) in schemas)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                Resolve(root, reference, $"{path}.$ref", fileName);
            }
        }

        foreach (var path in schemas.Keys)
        {
            RefuseLoop(root, path, schemas, [], fileName);
        }
    }

    private static void Collect(JsonElement element, string path, Dictionary<string, JsonElement> schemas)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, $"{path}[{i++}]", schemas);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            schemas[path] = element;
            foreach (var property in element.EnumerateObject().Where(p => !Data.Contains(p.Name, StringComparer.Ordinal)))
            {
                Collect(property.Value, $"{path}.{property.Name}", schemas);
            }
        }
    }

    /// <summary>The path, as <see cref="Collect"/> writes it, of the subschema a <c>$ref</c> names.</summary>
    private static string Resolve(JsonElement root, JsonElement reference, string at, string fileName)
    {
        var text = reference.ValueKind == JsonValueKind.String ? reference.GetString()! : "";
        if (!text.StartsWith('#'))
        {
            throw new PolicyValidationException(fileName, at, "must refer to a part of the same file, such as \"#/definitions/NAME\"");
        }

        var (target, path) = (root, "$");
        foreach (var raw in text.TrimStart('#').Split('/').Skip(1))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(segment, out var next))
            {
                (target, path) = (next, $"{path}.{segment}");
            }
            else if (target.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < target.GetArrayLength())
            {
                (target, path) = (target[index], $"{path}[{index}]");
            }
            else
            {
                throw new PolicyValidationException(fileName, at, $"refers to {text}, which the schema does not define");
            }
        }

        return target.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False
            ? path
            : throw new PolicyValidationException(fileName, at, $"refers to {text}, which is not a schema");
    }

    private static void RefuseLoop(JsonElement root, string path, Dictionary<string, JsonElement> schemas, HashSet<string> visiting, string fileName)
    {
        if (!schemas.TryGetValue(path, out var schema))
        {
            return;
        }

        if (!visiting.Add(path))
        {
            throw new PolicyValidationException(fileName, path, "leads back to itself through $ref without going into a field or item");
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            RefuseLoop(root, Resolve(root, reference, $"{path}.$ref", fileName), schemas, visiting, fileName);
        }

        foreach (var keyword in InPlace)
        {
            if (schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Array)
            {
                for (var i = 0; i < value.GetArrayLength(); i++)
                {
                    RefuseLoop(root, $"{path}.{keyword}[{i}]", schemas, visiting, fileName);
                }
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                RefuseLoop(root, $"{path}.{keyword}", schemas, visiting, fileName);
            }
        }

        visiting.Remove(path);
    }
}
