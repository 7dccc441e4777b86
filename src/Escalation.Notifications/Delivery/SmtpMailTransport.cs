using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Escalation.Notifications.Delivery;

/// <summary>Sends through an SMTP relay with MailKit, over one connection per batch.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport, IDisposable
{
    private readonly SmtpOptions _settings = options.Value;
    private SmtpClient? _client;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        Drop();
        var host = _settings.Host ?? throw new InvalidOperationException("Escalation:Smtp:Host is not set.");
        var client = new SmtpClient { Timeout = (int)_settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, _settings.EffectivePort, Socket(_settings.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_settings.Username))
            {
                await client.AuthenticateAsync(_settings.Username, _settings.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            client.Dispose();
            throw new MailTransportException(MailFailure.Unavailable,
                $"Could not connect to the SMTP relay {_settings.Host}:{_settings.EffectivePort}: {ex.Message}", ex);
        }

        _client = client;
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new MailTransportException(MailFailure.Unavailable, "Not connected to the SMTP relay.");
        try
        {
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex)
        {
            // A 5xx refusal of this recipient or this message is final; anything else may pass on another try.
            var final = (int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
            throw new MailTransportException(final ? MailFailure.Rejected : MailFailure.Temporary,
                $"The relay refused the mail: {(int)ex.StatusCode} {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException or TimeoutException)
        {
            throw new MailTransportException(MailFailure.Unavailable, $"The connection to the SMTP relay failed: {ex.Message}", ex);
        }
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException or SmtpCommandException)
            {
                // The mails are sent and marked; a relay that drops the line at QUIT changes nothing.
            }
        }

        Drop();
    }

    public void Dispose() => Drop();

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    private static SecureSocketOptions Socket(SmtpSecurity? security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
