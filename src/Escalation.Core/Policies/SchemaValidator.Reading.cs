using System.Text.Json;
using System.Text.RegularExpressions;

namespace Escalation.Core.Policies;

/// <summary>How a schema file is read into the checks <see cref="SchemaValidator"/> runs.</summary>
internal sealed partial class SchemaValidator
{
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
