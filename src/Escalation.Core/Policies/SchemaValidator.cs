using System.Text.Json;
using System.Text.RegularExpressions;

namespace Escalation.Core.Policies;

/// <summary>
/// Checks a JSON document against a JSON Schema, with faults worded as in <see cref="PolicyFaults"/>. Only the
/// keywords our schemas use are supported: <c>type</c>, <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>minItems</c>, <c>uniqueItems</c>, <c>enum</c>, <c>pattern</c>,
/// <c>minimum</c>, <c>oneOf</c> and <c>$ref</c> to <c>#/definitions/NAME</c> (with <c>definitions</c> at the top
/// level); <c>description</c>, <c>title</c> and <c>$schema</c> are ignored. Any other keyword refuses the schema when it is loaded, so no check is silently lost.
/// </summary>
internal sealed partial class SchemaValidator
{
    private readonly Schema _root;

    private SchemaValidator(Schema root) => _root = root;

    /// <summary>Reads a schema from its JSON text.</summary>
    /// <param name="schemaJson">The schema's text.</param>
    /// <param name="fileName">The schema's file name, used in faults.</param>
    /// <exception cref="PolicyValidationException">The text is not JSON, or not a schema this class supports.</exception>
    public static SchemaValidator FromJson(string schemaJson, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(schemaJson);
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts lines and bytes from zero; editors count from one.
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            var reason = ex.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            throw new PolicyValidationException(fileName, "$", $"is not a valid JSON Schema: {reason}{where}", ex);
        }

        using (document)
        {
            return new SchemaValidator(new SchemaReader(fileName).ReadRoot(document.RootElement));
        }
    }

    /// <summary>Returns the document's faults in document order: a depth-first walk reporting each where it is.</summary>
    public IReadOnlyList<PolicyFault> Validate(JsonElement document)
    {
        var faults = new List<PolicyFault>();
        Check(_root, document, "$", faults);
        return faults;
    }

    private static bool Matches(Schema schema, JsonElement value)
    {
        var faults = new List<PolicyFault>();
        Check(schema, value, "$", faults);
        return faults.Count == 0;
    }

    // A node's own faults come first, then its fields or items in order, so the list reads top to bottom.
    private static void Check(Schema schema, JsonElement value, string path, List<PolicyFault> faults)
    {
        if (schema.Ref is { } target)
        {
            Check(target, value, path, faults);
            return;
        }

        if (schema.OneOf is { } branches && branches.Count(b => Matches(b, value)) != 1)
        {
            // A failed branch is not a fault in its own right: say which fields the allowed forms need.
            Add(faults, path, PolicyFaults.ExactlyOneOf(branches.SelectMany(b => b.Resolved.Required).ToList()));
        }

        CheckArray(schema, value, path, faults);
        CheckString(schema, value, path, faults);
        CheckNumber(schema, value, path, faults);
        if (schema.Type is { } type && !IsOfType(value, type))
        {
            Add(faults, path, TypeFault(schema, type));
        }

        if (schema.Enum is { } allowed && !allowed.Any(a => JsonElement.DeepEquals(a, value)))
        {
            Add(faults, path, PolicyFaults.OneOf(allowed.Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetRawText())));
        }

        CheckRequired(schema, value, path, faults);
        CheckChildren(schema, value, path, faults);
    }

    private static void CheckArray(Schema schema, JsonElement value, string path, List<PolicyFault> faults)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        if (schema.MinItems is { } minItems && value.GetArrayLength() < minItems)
        {
            Add(faults, path, minItems == 1 ? PolicyFaults.Empty : PolicyFaults.AtLeastItems(minItems));
        }

        if (schema.UniqueItems && HasRepeats(value))
        {
            Add(faults, path, PolicyFaults.Repeated);
        }
    }

    private static bool HasRepeats(JsonElement array)
    {
        var seen = new List<JsonElement>();
        foreach (var item in array.EnumerateArray())
        {
            if (seen.Exists(s => JsonElement.DeepEquals(s, item)))
            {
                return true;
            }

            seen.Add(item);
        }

        return false;
    }

    private static void CheckString(Schema schema, JsonElement value, string path, List<PolicyFault> faults)
    {
        if (value.ValueKind != JsonValueKind.String || schema.Pattern is not { } pattern)
        {
            return;
        }

        bool matches;
        try
        {
            matches = pattern.IsMatch(value.GetString()!);
        }
        catch (RegexMatchTimeoutException)
        {
            // Refuse what cannot be checked in time rather than let it through.
            matches = false;
        }

        if (!matches)
        {
            Add(faults, path, pattern.ToString() switch
            {
                PolicyFaults.KebabPattern => PolicyFaults.Kebab,
                PolicyFaults.NotBlankPattern => PolicyFaults.Blank,
                var text => $"must match the pattern {text}",
            });
        }
    }

    private static void CheckNumber(Schema schema, JsonElement value, string path, List<PolicyFault> faults)
    {
        if (value.ValueKind == JsonValueKind.Number && schema.Minimum is { } minimum && IsBelow(value, minimum))
        {
            Add(faults, path, minimum == 1 ? PolicyFaults.Positive : PolicyFaults.AtLeast(minimum));
        }
    }

    private static bool IsBelow(JsonElement number, decimal minimum)
    {
        if (number.TryGetDecimal(out var value))
        {
            return value < minimum;
        }

        // Too large in magnitude for a decimal, so it is below any decimal minimum exactly when it is negative.
        return number.GetRawText().StartsWith('-');
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => IsWholeNumber(value),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    // As written, not as valued: 2.0 and 1e2 are not whole numbers, as for the checker this replaced.
    private static bool IsWholeNumber(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    private static string TypeFault(Schema schema, string type) => type switch
    {
        "object" => PolicyFaults.Object,
        "array" => PolicyFaults.List,
        "string" => PolicyFaults.Text,
        "integer" => schema.Minimum == 1 ? PolicyFaults.Positive : "must be a whole number",
        "number" => "is not valid (NumberExpected)",
        "boolean" => "is not valid (BooleanExpected)",
        _ => "is not valid (NullExpected)",
    };

    // A value that is not an object lacks every required field too, as with the checker this replaced. Faults follow
    // the order of "properties", then any required field not listed there.
    private static void CheckRequired(Schema schema, JsonElement value, string path, List<PolicyFault> faults)
    {
        foreach (var name in schema.RequiredInOrder)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out _))
            {
                Add(faults, At(path, name), PolicyFaults.Required);
            }
        }
    }

    private static void CheckChildren(Schema schema, JsonElement value, string path, List<PolicyFault> faults)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                var at = At(path, property.Name);
                if (schema.Properties.TryGetValue(property.Name, out var propertySchema))
                {
                    Check(propertySchema, property.Value, at, faults);
                }
                else if (schema.AdditionalProperties is { } additional)
                {
                    Check(additional, property.Value, at, faults);
                }
                else if (!schema.AllowsAdditionalProperties)
                {
                    Add(faults, at, PolicyFaults.NotRecognised);
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.Items is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index}]", faults);
                index++;
            }
        }
    }

    // 0.5 against a positive whole number fails twice for the same reason; say it once.
    private static void Add(List<PolicyFault> faults, string path, string reason)
    {
        var fault = new PolicyFault(path, reason);
        if (faults.Count == 0 || faults[^1] != fault)
        {
            faults.Add(fault);
        }
    }

    private static string At(string path, string name) => $"{path}.{name}";
}
