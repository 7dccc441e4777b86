using Microsoft.Extensions.Options;
using MimeKit;

namespace Escalation.Notifications.Delivery;

/// <summary>
/// Writes each mail as <c>{message-id}.eml</c> into the pickup directory, for when no relay is set. A resend of the
/// same mail replaces its file, so a mail appears once however often it is sent.
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<MailOptions> options) : IMailTransport
{
    public string Directory { get; } = Path.GetFullPath(options.Value.PickupDirectory);

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MailTransportException(MailFailure.Unavailable, $"The pickup directory {Directory} cannot be used: {ex.Message}", ex);
        }
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = Path.Combine(Directory, FileName(message.MessageId ?? throw new ArgumentException("The message has no Message-Id.", nameof(message))));
        var partial = path + ".partial";
        try
        {
            // Written aside and moved into place, so a pickup agent never reads half a mail.
            await message.WriteToAsync(partial, cancellationToken).ConfigureAwait(false);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MailTransportException(MailFailure.Unavailable, $"Could not write to the pickup directory {Directory}: {ex.Message}", ex);
        }
    }

    public Task DisconnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The file a mail with this Message-Id is written to.</summary>
    public static string FileName(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var invalid = Path.GetInvalidFileNameChars();
        var safe = messageId.Select(c => invalid.Contains(c) || c is '<' or '>' or ':' or '*' or '?' or '"' or '|' or '\\' or '/' ? '_' : c);
        return new string([.. safe]) + ".eml";
    }
}
