using System.Text.Json;
using System.Text.RegularExpressions;

namespace Escalation.TestSupport;

/// <summary>One mail as maildev parsed it.</summary>
public sealed record ReceivedMail(string MessageId, string Subject, IReadOnlyList<string> To, string? Html, string? Text)
{
    /// <summary>The first link in the plain-text part that starts with <paramref name="baseUrl"/>.</summary>
    public string Link(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var match = Regex.Match(Text ?? string.Empty, Regex.Escape(baseUrl.AbsoluteUri.TrimEnd('/')) + @"/\S+");
        return match.Success ? match.Value : throw new InvalidOperationException($"No link to {baseUrl} in mail '{Subject}':\n{Text}");
    }

    public static ReceivedMail From(JsonElement e) => new(
        e.TryGetProperty("messageId", out var id) ? id.GetString()?.Trim('<', '>') ?? string.Empty : string.Empty,
        e.GetProperty("subject").GetString() ?? string.Empty,
        [.. e.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString() ?? string.Empty)],
        e.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String ? html.GetString() : null,
        e.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null);
}

/// <summary>
/// One maildev shared by the test classes of a collection, which run one after another. xunit finds collection
/// definitions only in the test assembly itself, so each project using this fixture declares its own collection.
/// </summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    public Maildev Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Maildev.StartAsync();

    public Task DisposeAsync() => Server.StopAsync();
}
