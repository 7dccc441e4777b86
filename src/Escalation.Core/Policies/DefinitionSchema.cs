using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Escalation.Core.Policies;

/// <summary>
/// A definition file's JSON Schema, checked by JsonSchema.Net (see docs/adr/0004). Each schema text is built once per
/// process and evaluated with the list output, which gives the instance location of every fault;
/// <see cref="SchemaFaults"/> words them for a policy writer.
/// </summary>
/// <remarks>
/// Schemas are read as draft-07, with two changes that keep a check from vanishing silently: a keyword the dialect does
/// not know (a typo such as <c>minimun</c>) refuses the schema, and keywords beside <c>$ref</c> are applied rather
/// than ignored. Before building, every <c>$ref</c> must lead somewhere in the same file and no chain of them may come
/// back to where it started: JsonSchema.Net reports the first only when a document reaches it, and overflows the stack
/// on the second.
/// </remarks>
internal sealed class DefinitionSchema
{
    private const string Draft07 = "http://json-schema.org/draft-07/schema";

    private static readonly Dialect StrictDraft07 = Dialect.Draft07.With(
        [], new Uri("https://escalation.invalid/schema/strict-draft-07"), false, false);

    private static readonly EvaluationOptions ListOutput = new() { OutputFormat = OutputFormat.List };

    // Keyed by the schema's text: the web host and the tests load the same two schemas many times over.
    private static readonly ConcurrentDictionary<string, DefinitionSchema> Built = new(StringComparer.Ordinal);

    private readonly JsonSchema _schema;
    private readonly JsonElement _source;

    private DefinitionSchema(JsonSchema schema, JsonElement source)
    {
        _schema = schema;
        _source = source;
    }

    /// <summary>Builds a schema from its text, or returns the one already built from the same text.</summary>
    /// <exception cref="PolicyValidationException">The text is not a valid draft-07 schema; the fault names <paramref name="fileName"/>.</exception>
    public static DefinitionSchema FromJson(string schemaJson, string fileName) =>
        Built.TryGetValue(schemaJson, out var built) ? built : Built.GetOrAdd(schemaJson, Build(schemaJson, fileName));

    /// <summary>Returns the document's faults in document order, each at the JSON path of the value at fault.</summary>
    public IReadOnlyList<PolicyFault> Validate(JsonElement document)
    {
        var results = _schema.Evaluate(document, ListOutput);
        return results.IsValid ? [] : SchemaFaults.From(results, document, _source);
    }

    private static DefinitionSchema Build(string schemaJson, string fileName)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(schemaJson) as JsonObject ?? throw Invalid(fileName, "$", "must be a JSON object");
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts lines and bytes from zero; editors count from one.
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            var reason = ex.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            throw Invalid(fileName, "$", $"is not a valid JSON Schema: {reason}{where}", ex);
        }

        // $schema would choose the library's own draft-07, which lets unknown keywords through; read as draft-07 anyway.
        if (root["$schema"] is { } declared)
        {
            if (declared.GetValueKind() != JsonValueKind.String || declared.GetValue<string>().TrimEnd('#') != Draft07)
            {
                throw Invalid(fileName, "$.$schema", $"must be \"{Draft07}#\": schemas are read as draft-07");
            }

            root.Remove("$schema");
        }

        using var document = JsonDocument.Parse(root.ToJsonString());
        var source = document.RootElement.Clone();
        SchemaRefs.Check(source, fileName);
        try
        {
            // A registry of its own, so building never adds to the library's global one.
            var options = new BuildOptions { Dialect = StrictDraft07, SchemaRegistry = new SchemaRegistry() };
            return new DefinitionSchema(JsonSchema.Build(source, options), source);
        }
        catch (Exception ex) when (ex is JsonSchemaException or ArgumentException)
        {
            // ArgumentException covers a pattern that is not a valid regular expression.
            throw Invalid(fileName, "$", $"is not a valid JSON Schema: {ex.Message}", ex);
        }
    }

    private static PolicyValidationException Invalid(string fileName, string path, string reason, Exception? inner = null) =>
        new(fileName, path, reason, inner);
}
