using System.Text.RegularExpressions;

namespace Escalation.Web.Tests.TestSupport;

/// <summary>The antiforgery token a page's form carries, to post it back as a browser would.</summary>
public static partial class Antiforgery
{
    public static string Token(string html)
    {
        var match = Field().Match(html);
        Assert.True(match.Success, "The page has no antiforgery field.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Field();
}
