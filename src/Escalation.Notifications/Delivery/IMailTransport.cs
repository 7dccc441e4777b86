using MimeKit;

namespace Escalation.Notifications.Delivery;

/// <summary>
/// The port mail leaves through: an SMTP relay, or a pickup directory. One connection serves a whole batch:
/// connect once, send each message, disconnect.
/// </summary>
public interface IMailTransport
{
    /// <exception cref="MailTransportException">The relay cannot be reached (<see cref="MailFailure.Unavailable"/>).</exception>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <exception cref="MailTransportException">This message failed; <see cref="MailTransportException.Failure"/> says how.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Closes the connection politely; never throws for a connection that is already gone.</summary>
    Task DisconnectAsync(CancellationToken cancellationToken);
}

/// <summary>How a send failed, which decides what happens to the mail.</summary>
public enum MailFailure
{
    /// <summary>The relay is down or the connection dropped: nothing is wrong with the mail. Retried later, never parked.</summary>
    Unavailable,

    /// <summary>This mail failed for now (e.g. a 4xx reply). Retried with back-off, and parked after the last attempt.</summary>
    Temporary,

    /// <summary>The relay refused this mail for good (e.g. 550 no such mailbox). Parked at once.</summary>
    Rejected,
}

/// <summary>A send or connection failure, classified for the retry policy. Its message holds no secrets.</summary>
public sealed class MailTransportException : Exception
{
    public MailTransportException(MailFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public MailTransportException()
        : this(MailFailure.Temporary, "The mail could not be sent.")
    {
    }

    public MailTransportException(string message)
        : this(MailFailure.Temporary, message)
    {
    }

    public MailTransportException(string message, Exception innerException)
        : this(MailFailure.Temporary, message, innerException)
    {
    }

    public MailFailure Failure { get; }
}
