using Microsoft.Net.Http.Headers;

namespace Escalation.Reports.Rendering;

/// <summary>The forms a board report is given in.</summary>
public enum ReportFormat
{
    Json,
    Csv,
    Html,
}

/// <summary>Media types and file names of the formats, and the choice of one by an <c>Accept</c> header.</summary>
public static class ReportFormats
{
    public static string MediaType(ReportFormat format) => format switch
    {
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Html => "text/html; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Csv => "csv",
        ReportFormat.Html => "html",
        _ => "json",
    };

    /// <summary>Reads <c>json</c>, <c>csv</c> or <c>html</c>, as the board page's links name them.</summary>
    public static ReportFormat? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "JSON" => ReportFormat.Json,
        "CSV" => ReportFormat.Csv,
        "HTML" => ReportFormat.Html,
        _ => null,
    };

    /// <summary>
    /// The format an <c>Accept</c> header asks for: the acceptable type with the highest quality, the first listed on a
    /// tie; JSON when there is no header or it accepts anything. Null when nothing offered is acceptable.
    /// </summary>
    public static ReportFormat? FromAccept(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var types) || types.Count == 0)
            return ReportFormat.Json;
        ReportFormat? best = null;
        var bestQuality = 0.0;
        foreach (var type in types)
        {
            var quality = type.Quality ?? 1.0;
            var format = type.MediaType.Value?.ToUpperInvariant() switch
            {
                "APPLICATION/JSON" or "APPLICATION/*" or "*/*" => ReportFormat.Json,
                "TEXT/CSV" => ReportFormat.Csv,
                "TEXT/HTML" or "APPLICATION/XHTML+XML" => ReportFormat.Html,
                _ => (ReportFormat?)null,
            };
            if (format is not null && quality > bestQuality)
                (best, bestQuality) = (format, quality);
        }

        return best;
    }
}
