using System.Text.Json;

namespace Escalation.Core.Policies;

/// <summary>
/// The JSON Schema that policy files are checked against first: <c>policy.schema.json</c>, shipped beside the policies
/// in <c>workflows/</c> so editors can use it too. The loader's own semantic checks run after it.
/// </summary>
public sealed class PolicySchema
{
    /// <summary>The schema's file name in a definitions folder.</summary>
    public const string FileName = "policy.schema.json";

    private readonly DefinitionSchema _schema;

    private PolicySchema(DefinitionSchema schema) => _schema = schema;

    /// <summary>Reads <see cref="FileName"/> from a definitions folder.</summary>
    /// <exception cref="PolicyValidationException">The schema file is missing or is not a valid JSON Schema.</exception>
    public static PolicySchema Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path))
        {
            throw new PolicyValidationException(FileName, "$", $"was not found in {Path.GetFullPath(folder)}");
        }

        return FromJson(System.IO.File.ReadAllText(path));
    }

    /// <summary>Builds a schema from its JSON text.</summary>
    /// <exception cref="PolicyValidationException">
    /// The text is not a valid draft-07 JSON Schema, uses a keyword draft-07 does not have, or has a <c>$ref</c> that
    /// leads nowhere or back to itself.
    /// </exception>
    public static PolicySchema FromJson(string schemaJson) => FromJson(schemaJson, FileName);

    /// <summary>Builds a schema from its JSON text, naming <paramref name="fileName"/> in faults.</summary>
    internal static PolicySchema FromJson(string schemaJson, string fileName)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        return new PolicySchema(DefinitionSchema.FromJson(schemaJson, fileName));
    }

    /// <summary>Checks JSON text (already known to parse) and returns its faults in document order.</summary>
    internal IReadOnlyList<PolicyFault> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return _schema.Validate(document.RootElement);
    }
}
