using Escalation.Core.Policies;

namespace Escalation.Core.Decisions;

/// <summary>
/// The JSON Schema that decision guides are checked against first: <c>sexual-activity.schema.json</c>, shipped beside
/// the guide in <c>workflows/</c> so editors can use it too. The reader's own checks run after it. Faults are worded
/// as for policies, since both come from the same schema check.
/// </summary>
public sealed class DecisionGuideSchema
{
    /// <summary>The schema's file name in a definitions folder.</summary>
    public const string FileName = "sexual-activity.schema.json";

    private readonly PolicySchema _schema;

    private DecisionGuideSchema(PolicySchema schema) => _schema = schema;

    /// <summary>Reads <see cref="FileName"/> from a definitions folder.</summary>
    /// <exception cref="PolicyValidationException">The schema file is missing or is not a valid JSON Schema.</exception>
    public static DecisionGuideSchema Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new PolicyValidationException(FileName, "$", $"was not found in {Path.GetFullPath(folder)}");
        }

        return FromJson(File.ReadAllText(path));
    }

    /// <summary>Builds a schema from its JSON text.</summary>
    /// <exception cref="PolicyValidationException">The text is not a valid JSON Schema; the fault names <see cref="FileName"/>.</exception>
    public static DecisionGuideSchema FromJson(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        return new DecisionGuideSchema(PolicySchema.FromJson(schemaJson, FileName));
    }

    /// <summary>Checks JSON text (already known to parse) and returns its faults in document order.</summary>
    internal IReadOnlyList<PolicyFault> Validate(string json) =>
        _schema.Validate(json)
            .Select(f => f.Reason.EndsWith(GuideFaults.CamelPattern, StringComparison.Ordinal) ? f with { Reason = GuideFaults.Camel } : f)
            .ToList();
}
