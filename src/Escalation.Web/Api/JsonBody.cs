using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Web.Api;

/// <summary>
/// Reads a JSON request body so that every fault names its field: malformed JSON, a wrong type, a date that is not
/// a date. Minimal APIs' own binding only says the body could not be read.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        MaxDepth = 16,
    };

    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Problems.Invalid("body", "Send the request as JSON (Content-Type: application/json)."));

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct);
            return value is null ? (null, Problems.Invalid("body", "The request body is empty.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldName(ex.Path);
            var message = field == "body"
                ? "The request body is not valid JSON."
                : $"The value of '{field}' is not valid: check its type and format.";
            return (null, Problems.Invalid(field, message));
        }
    }

    // "$.decision.reviewDate" → "decision.reviewDate"; "$.actions[2]" → "actions"; "$" or null → "body".
    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        field = bracket > 0 ? field[..bracket] : field;
        return string.IsNullOrEmpty(field) ? "body" : field;
    }
}
