using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Escalation.Core.Policies;

/// <summary>
/// The JSON Schema that policy files are checked against first: <c>policy.schema.json</c>, shipped beside the policies
/// in <c>workflows/</c> so editors can use it too. The loader's own semantic checks run after it.
/// </summary>
public sealed class PolicySchema
{
    /// <summary>The schema's file name in a definitions folder.</summary>
    public const string FileName = "policy.schema.json";

    private readonly JsonSchema _schema;

    private PolicySchema(JsonSchema schema) => _schema = schema;

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
    /// <exception cref="PolicyValidationException">The text is not a valid JSON Schema.</exception>
    public static PolicySchema FromJson(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        try
        {
            // The schema has only internal $refs, so this completes without I/O; blocking here keeps loading synchronous.
            return new PolicySchema(JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult());
        }
        catch (JsonException ex)
        {
            throw new PolicyValidationException(FileName, "$", $"is not a valid JSON Schema: {ex.Message}", ex);
        }
    }

    /// <summary>Checks JSON text (already known to parse) and returns its faults in document order.</summary>
    internal IReadOnlyList<PolicyFault> Validate(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        return _schema.Validate(token)
            .SelectMany(Leaves)
            .OrderBy(e => e.HasLineInfo ? e.LineNumber : int.MaxValue)
            .ThenBy(e => e.LinePosition)
            .Select(e => new PolicyFault(ToJsonPath(e.Path), Describe(e)))
            .ToList();
    }

    // "Item 2 is not valid" wraps the real fault; report the fault itself. Failed oneOf branches are not faults
    // in their own right, so a oneOf failure stays a single leaf.
    private static IEnumerable<ValidationError> Leaves(ValidationError error) =>
        error is ChildSchemaValidationError child && error.Kind is not (ValidationErrorKind.NotOneOf
            or ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotAllOf)
            ? child.Errors.Values.SelectMany(errors => errors).SelectMany(Leaves)
            : [error];

    private static string ToJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "#" ? "$" : "$." + path.TrimStart('#', '/');

    private static string Describe(ValidationError error)
    {
        var schema = error.Schema?.ActualSchema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => PolicyFaults.Required,
            ValidationErrorKind.NoAdditionalPropertiesAllowed => PolicyFaults.NotRecognised,
            ValidationErrorKind.NotInEnumeration => PolicyFaults.OneOf(schema?.Enumeration.Select(v => $"{v}") ?? []),
            ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberTooSmall when schema?.Minimum == 1 =>
                PolicyFaults.Positive,
            ValidationErrorKind.IntegerExpected => "must be a whole number",
            ValidationErrorKind.NumberTooSmall => PolicyFaults.AtLeast(schema?.Minimum ?? 0),
            ValidationErrorKind.StringExpected => PolicyFaults.Text,
            ValidationErrorKind.ArrayExpected => PolicyFaults.List,
            ValidationErrorKind.ObjectExpected => PolicyFaults.Object,
            ValidationErrorKind.PatternMismatch => schema?.Pattern switch
            {
                PolicyFaults.KebabPattern => PolicyFaults.Kebab,
                PolicyFaults.NotBlankPattern => PolicyFaults.Blank,
                var pattern => $"must match the pattern {pattern}",
            },
            ValidationErrorKind.TooFewItems when schema?.MinItems == 1 => PolicyFaults.Empty,
            ValidationErrorKind.TooFewItems => PolicyFaults.AtLeastItems(schema?.MinItems ?? 0),
            ValidationErrorKind.ItemsNotUnique => PolicyFaults.Repeated,
            ValidationErrorKind.NotOneOf => PolicyFaults.ExactlyOneOf(
                schema?.OneOf.SelectMany(s => s.ActualSchema.RequiredProperties).ToList() ?? []),
            _ => $"is not valid ({error.Kind})",
        };
    }
}
