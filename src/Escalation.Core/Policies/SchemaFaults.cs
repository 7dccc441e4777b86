using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace Escalation.Core.Policies;

/// <summary>
/// Turns JsonSchema.Net's list output into faults worded as in <see cref="PolicyFaults"/>, each at the JSONPath of the
/// value at fault (<c>$.stages[2].title</c>). The keywords our schemas use get plain sentences built from the schema's
/// own values (the allowed values of an <c>enum</c>, the <c>minimum</c>); any other keeps the library's wording.
/// </summary>
internal static class SchemaFaults
{
    /// <summary>The faults of a failed evaluation: in document order, each object's missing fields after its own faults.</summary>
    public static IReadOnlyList<PolicyFault> From(EvaluationResults results, JsonElement document, JsonElement schema)
    {
        var instances = new Dictionary<string, (int Order, string Path)>(StringComparer.Ordinal);
        Index(document, "", "$", instances);
        var nodes = (results.Details ?? []).Prepend(results).Distinct().ToList();
        var faults = new List<(int Order, int Rank, PolicyFault Fault)>();
        foreach (var node in nodes.Where(n => !n.IsValid && !InsideBranch(n.EvaluationPath.ToString())))
        {
            var evaluationPath = node.EvaluationPath.ToString();
            (int Order, string Path) at = instances.GetValueOrDefault(node.InstanceLocation.ToString(), (int.MaxValue, $"${node.InstanceLocation}"));
            var subschema = Subschema(schema, evaluationPath);
            foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            {
                faults.AddRange(Word(keyword, message, subschema, document, node.InstanceLocation.ToString(), at));
            }

            if (subschema is { ValueKind: JsonValueKind.Object } s)
            {
                faults.AddRange(Combined(s, schema, node, nodes, at));
            }
        }

        if (faults.Count == 0)
        {
            // Only a keyword that reports nothing of its own could get here; never let a failed check pass as clean.
            faults.Add((0, 0, new PolicyFault("$", "does not match its schema")));
        }

        // 0.5 against a positive whole number fails twice for the same reason; say it once.
        var ordered = faults.OrderBy(f => f.Order).ThenBy(f => f.Rank).Select(f => f.Fault).ToList();
        return ordered.Where((f, i) => i == 0 || ordered[i - 1] != f).ToList();
    }

    // In JsonSchema.Net 8.0.5 a failed oneOf, anyOf or not reports no error of its own, so its subschemas are counted.
    // Items of one list share an evaluation path, so a subschema is matched by where it was evaluated too.
    private static IEnumerable<(int, int, PolicyFault)> Combined(JsonElement subschema, JsonElement schema, EvaluationResults node,
        List<EvaluationResults> nodes, (int Order, string Path) at)
    {
        var evaluationPath = node.EvaluationPath.ToString();
        int Failed(string keyword) => nodes.Count(n => !n.IsValid && n.InstanceLocation == node.InstanceLocation
            && IsBranchOf(n.EvaluationPath.ToString(), $"{evaluationPath}/{keyword}"));
        if (subschema.TryGetProperty("oneOf", out var oneOf) && oneOf.GetArrayLength() - Failed("oneOf") != 1)
        {
            var names = oneOf.EnumerateArray().SelectMany(b => Strings(Resolve(schema, b), "required")).ToList();
            yield return (at.Order, 0, new PolicyFault(at.Path, PolicyFaults.ExactlyOneOf(names)));
        }

        if (subschema.TryGetProperty("anyOf", out var anyOf) && anyOf.GetArrayLength() == Failed("anyOf"))
        {
            yield return (at.Order, 0, new PolicyFault(at.Path, "must match at least one of its allowed forms"));
        }

        if (subschema.TryGetProperty("not", out _) && !nodes.Any(n => !n.IsValid && n.InstanceLocation == node.InstanceLocation
            && n.EvaluationPath.ToString() == $"{evaluationPath}/not"))
        {
            yield return (at.Order, 0, new PolicyFault(at.Path, "is a value its schema rules out"));
        }
    }

    private static IEnumerable<(int, int, PolicyFault)> Word(string keyword, string message, JsonElement? schema, JsonElement document,
        string pointer, (int Order, string Path) at)
    {
        var value = schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(keyword, out var v) ? v : default;
        var minimum = schema is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("minimum", out var m) ? m.GetRawText() : null;
        if (keyword == "required")
        {
            // One fault a missing field, at the field's own path, in the order of "properties", then the rest.
            var instance = Pointer(document, pointer);
            var listed = schema is { } sc ? Strings(sc, "properties", names: true).ToList() : [];
            var required = Strings(value).ToList();
            return listed.Where(required.Contains).Concat(required.Where(r => !listed.Contains(r)))
                .Where(name => instance?.ValueKind != JsonValueKind.Object || !instance.Value.TryGetProperty(name, out _))
                .Select(name => (at.Order, 7, new PolicyFault($"{at.Path}.{name}", PolicyFaults.Required)));
        }

        if (value.ValueKind == JsonValueKind.Undefined && keyword.Length > 0)
        {
            return [(at.Order, 6, new PolicyFault(at.Path, $"is not valid: {message}"))];
        }

        var (rank, reason) = keyword switch
        {
            "" => (8, PolicyFaults.NotRecognised),
            "minItems" => (1, value.GetRawText() == "1" ? PolicyFaults.Empty : PolicyFaults.AtLeastItems(value.GetRawText())),
            "maxItems" => (1, $"must list at most {value.GetRawText()} items"),
            "uniqueItems" => (2, PolicyFaults.Repeated),
            "pattern" => (3, value.GetString() switch
            {
                PolicyFaults.KebabPattern => PolicyFaults.Kebab,
                PolicyFaults.NotBlankPattern => PolicyFaults.Blank,
                var pattern => $"must match the pattern {pattern}",
            }),
            "minLength" => (3, $"must be at least {value.GetRawText()} characters long"),
            "maxLength" => (3, $"must be at most {value.GetRawText()} characters long"),
            "minimum" => (4, minimum == "1" ? PolicyFaults.Positive : PolicyFaults.AtLeast(value.GetRawText())),
            "maximum" => (4, $"must be at most {value.GetRawText()}"),
            "type" => (5, TypeFault(value, minimum)),
            "enum" => (6, PolicyFaults.OneOf(value.EnumerateArray().Select(Display))),
            "const" => (6, $"must be {Display(value)}"),
            _ => (6, $"is not valid: {message}"),
        };
        return [(at.Order, rank, new PolicyFault(at.Path, reason))];
    }

    private static string TypeFault(JsonElement type, string? minimum) => (type.ValueKind == JsonValueKind.String ? type.GetString() : null) switch
    {
        "object" => PolicyFaults.Object,
        "array" => PolicyFaults.List,
        "string" => PolicyFaults.Text,
        "integer" => minimum == "1" ? PolicyFaults.Positive : "must be a whole number",
        "number" => "must be a number",
        "boolean" => "must be true or false",
        "null" => "must be null",
        _ when type.ValueKind == JsonValueKind.Array => $"must be of type {string.Join(" or ", type.EnumerateArray().Select(Display))}",
        _ => "is not of the type its schema allows",
    };

    private static string Display(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    // Each value's JSON Pointer (as the library writes instance locations), its place in document order, and its JSONPath.
    private static void Index(JsonElement element, string pointer, string path, Dictionary<string, (int, string)> instances)
    {
        instances[pointer] = (instances.Count, path);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Index(property.Value, $"{pointer}/{Escape(property.Name)}", $"{path}.{property.Name}", instances);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Index(item, $"{pointer}/{i}", $"{path}[{i}]", instances);
                i++;
            }
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    // What fails inside a oneOf, anyOf or not, or an if, is not a fault in its own right: the keyword's own fault says
    // what is allowed.
    private static bool InsideBranch(string evaluationPath)
    {
        var segments = evaluationPath.Split('/');
        return segments.Where((segment, i) => segment is "oneOf" or "anyOf" or "not" or "if"
            && segments[i - 1] is not ("properties" or "definitions" or "patternProperties" or "dependencies")).Any();
    }

    private static bool IsBranchOf(string evaluationPath, string keywordPath) =>
        evaluationPath.StartsWith($"{keywordPath}/", StringComparison.Ordinal)
        && int.TryParse(evaluationPath.AsSpan(keywordPath.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>The subschema an evaluation path leads to, following each <c>$ref</c> on the way.</summary>
    private static JsonElement? Subschema(JsonElement root, string evaluationPath)
    {
        JsonElement? current = root;
        foreach (var segment in evaluationPath.Split('/').Skip(1))
        {
            current = current is not { } at ? null
                : segment == "$ref" ? Resolve(root, at)
                : Child(at, Unescape(segment)) ?? Child(at, Unescape(Unescape(segment)));
        }

        return current;
    }

    /// <summary>A schema, or the one its <c>$ref</c> leads to (checked to exist by <see cref="SchemaRefs"/>).</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            ? Pointer(root, Uri.UnescapeDataString(reference.GetString()!.TrimStart('#'))) ?? schema
            : schema;

    private static JsonElement? Pointer(JsonElement root, string pointer)
    {
        JsonElement? current = root;
        foreach (var segment in pointer.Split('/').Skip(1))
        {
            current = current is { } at ? Child(at, Unescape(segment)) : null;
        }

        return current;
    }

    private static JsonElement? Child(JsonElement element, string segment) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child) ? child
        : element.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && i < element.GetArrayLength() ? element[i]
        : null;

    /// <summary>The strings of a list, or the names of an object's fields when <paramref name="names"/> is set.</summary>
    private static IEnumerable<string> Strings(JsonElement schema, string keyword, bool names = false) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value)
            ? names && value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Name) : Strings(value)
            : [];

    private static IEnumerable<string> Strings(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!) : [];
}
