using System.Security.Claims;

namespace Escalation.Web.Api;

internal static class CallerExtensions
{
    /// <summary>The signed-in person's id; endpoints that call this require authorisation, so it is always there.</summary>
    public static Guid PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    /// <summary>The version in an <c>If-Match</c> header (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>); null when absent.</summary>
    public static bool TryIfMatch(this HttpRequest request, out int? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
            return true;
        var text = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (int.TryParse(text.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }

    public static string ETag(int version) => $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";
}
