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
internal sealed class SchemaValidator
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

    /// <summary>One schema, or subschema, as read.</summary>
    private sealed class Schema
    {
        public Schema? Ref { get; set; }

        public string? Type { get; set; }

        public Dictionary<string, Schema> Properties { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Required { get; set; } = [];

        /// <summary><see cref="Required"/> in the order its faults are reported: as in <see cref="Properties"/>, then the rest.</summary>
        public IReadOnlyList<string> RequiredInOrder { get; set; } = [];

        public bool AllowsAdditionalProperties { get; set; } = true;

        public Schema? AdditionalProperties { get; set; }

        public Schema? Items { get; set; }

        public int? MinItems { get; set; }

        public bool UniqueItems { get; set; }

        public IReadOnlyList<JsonElement>? Enum { get; set; }

        public Regex? Pattern { get; set; }

        public decimal? Minimum { get; set; }

        public IReadOnlyList<Schema>? OneOf { get; set; }

        /// <summary>The schema a <c>$ref</c> leads to, or this one.</summary>
        public Schema Resolved => Ref?.Resolved ?? this;
    }

    /// <summary>Reads a schema document into <see cref="Schema"/>s, refusing anything it would not check.</summary>
    private sealed class SchemaReader(string fileName)
    {
        private const string DefinitionsPrefix = "#/definitions/";
        private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

        private readonly Dictionary<string, Schema> _definitions = new(StringComparer.Ordinal);
        private readonly List<(Schema Schema, string Name, string Path)> _refs = [];

        public Schema ReadRoot(JsonElement element)
        {
            var root = Read(element, "$", isRoot: true);
            foreach (var (schema, name, path) in _refs)
            {
                schema.Ref = _definitions.TryGetValue(name, out var target)
                    ? target
                    : throw Invalid(path, $"refers to {DefinitionsPrefix}{name}, which the schema does not define");
            }

            foreach (var (schema, _, path) in _refs)
            {
                RefuseLoop(schema, [], path);
            }

            return root;
        }

        private Schema Read(JsonElement element, string path, bool isRoot = false)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "must be a schema object");
            }

            var schema = new Schema();
            var hasRef = false;
            var checks = new List<string>();
            foreach (var keyword in element.EnumerateObject())
            {
                var at = At(path, keyword.Name);
                var value = keyword.Value;
                switch (keyword.Name)
                {
                    case "description" or "title" or "$schema":
                        continue;
                    case "definitions" when isRoot:
                        foreach (var definition in Members(value, at))
                        {
                            _definitions[definition.Name] = Read(definition.Value, At(at, definition.Name));
                        }

                        continue;
                    case "$ref":
                        var reference = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
                        var name = reference.StartsWith(DefinitionsPrefix, StringComparison.Ordinal)
                            ? reference[DefinitionsPrefix.Length..]
                            : "";
                        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('~', StringComparison.Ordinal))
                        {
                            throw Invalid(at, $"must be \"{DefinitionsPrefix}NAME\": other references are not supported");
                        }

                        _refs.Add((schema, name, at));
                        hasRef = true;
                        continue;
                    case "type":
                        schema.Type = value.ValueKind == JsonValueKind.String
                            && value.GetString() is "object" or "array" or "string" or "integer" or "number" or "boolean" or "null"
                            ? value.GetString()
                            : throw Invalid(at, "must be one of object, array, string, integer, number, boolean or null (a list of types is not supported)");
                        break;
                    case "properties":
                        foreach (var property in Members(value, at))
                        {
                            schema.Properties[property.Name] = Read(property.Value, At(at, property.Name));
                        }

                        break;
                    case "required":
                        schema.Required = value.ValueKind == JsonValueKind.Array
                            && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
                            ? [.. value.EnumerateArray().Select(v => v.GetString()!).Distinct(StringComparer.Ordinal)]
                            : throw Invalid(at, "must be a list of field names");
                        break;
                    case "additionalProperties":
                        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            schema.AllowsAdditionalProperties = value.GetBoolean();
                        }
                        else
                        {
                            schema.AdditionalProperties = Read(value, at);
                        }

                        break;
                    case "items":
                        schema.Items = value.ValueKind == JsonValueKind.Object
                            ? Read(value, at)
                            : throw Invalid(at, "must be a schema object (a list of item schemas is not supported)");
                        break;
                    case "minItems":
                        schema.MinItems = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var minItems) && minItems >= 0
                            ? minItems
                            : throw Invalid(at, "must be a whole number, 0 or more");
                        break;
                    case "uniqueItems":
                        schema.UniqueItems = value.ValueKind is JsonValueKind.True or JsonValueKind.False
                            ? value.GetBoolean()
                            : throw Invalid(at, "must be true or false");
                        break;
                    case "enum":
                        schema.Enum = value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                            ? [.. value.EnumerateArray().Select(v => v.Clone())]
                            : throw Invalid(at, "must be a list of at least one value");
                        break;
                    case "pattern":
                        schema.Pattern = ReadPattern(value, at);
                        break;
                    case "minimum":
                        schema.Minimum = value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var minimum)
                            ? minimum
                            : throw Invalid(at, "must be a number");
                        break;
                    case "oneOf":
                        schema.OneOf = value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                            ? [.. value.EnumerateArray().Select((branch, i) => Read(branch, $"{at}[{i}]"))]
                            : throw Invalid(at, "must be a list of at least one schema");
                        break;
                    default:
                        throw Invalid(at, "is a JSON Schema keyword the schema check does not support, so it would not be checked: remove it or add support for it");
                }

                checks.Add(at);
            }

            // Beside $ref, other keywords are ignored by draft-07 validators; refuse them rather than let a check vanish.
            if (hasRef && checks.Count > 0)
            {
                throw Invalid(checks[0], "cannot be used beside $ref: put it in the definition the $ref names");
            }

            schema.RequiredInOrder = [.. schema.Properties.Keys.Where(schema.Required.Contains),
                .. schema.Required.Where(r => !schema.Properties.ContainsKey(r))];

            return schema;
        }

        private Regex ReadPattern(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(path, "must be a regular expression");
            }

            try
            {
                return new Regex(value.GetString()!, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException ex)
            {
                throw Invalid(path, $"is not a valid regular expression: {ex.Message}");
            }
        }

        private JsonElement.ObjectEnumerator Members(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Object
                ? value.EnumerateObject()
                : throw Invalid(path, "must be an object of named schemas");

        // A $ref chain (or a oneOf branch) that comes back to where it started, without going into a field or an
        // item, would recurse for ever.
        private void RefuseLoop(Schema schema, HashSet<Schema> visiting, string path)
        {
            if (!visiting.Add(schema))
            {
                throw Invalid(path, "leads back to itself without going into a field or item");
            }

            foreach (var next in (schema.OneOf ?? []).Append(schema.Ref).OfType<Schema>())
            {
                RefuseLoop(next, visiting, path);
            }

            visiting.Remove(schema);
        }

        private PolicyValidationException Invalid(string path, string reason) => new(fileName, path, reason);
    }
}
