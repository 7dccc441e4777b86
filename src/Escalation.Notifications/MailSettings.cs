namespace Escalation.Notifications;

/// <summary>Where links in mails point and where mails go when no relay is set. Bound from <c>Escalation</c> and <c>Escalation:Mail</c>.</summary>
public sealed class MailOptions
{
    public const string DefaultBaseUrl = "http://localhost:5000";

    public const string DefaultPickupDirectory = "mail";

    /// <summary><c>Escalation:BaseUrl</c>: the absolute address links in mails start with.</summary>
    public Uri BaseUrl { get; set; } = new(DefaultBaseUrl);

    /// <summary><c>Escalation:Mail:PickupDirectory</c>: where .eml files are written when <c>Escalation:Smtp:Host</c> is not set.</summary>
    public string PickupDirectory { get; set; } = DefaultPickupDirectory;
}

/// <summary>The SMTP relay. Bound from <c>Escalation:Smtp</c>; with no <see cref="Host"/>, mail goes to the pickup directory.</summary>
public sealed class SmtpOptions
{
    public const string DefaultFrom = "Escalation service <no-reply@localhost>";

    public string? Host { get; set; }

    /// <summary>By default 465 for <see cref="SmtpSecurity.SslOnConnect"/>, 587 for <see cref="SmtpSecurity.StartTls"/>, else 25.</summary>
    public int? Port { get; set; }

    /// <summary>Unset means STARTTLS when the relay offers it; set it to require (or forbid) encryption.</summary>
    public SmtpSecurity? Security { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = DefaultFrom;

    /// <summary>How long one SMTP operation may take before the relay is counted as unavailable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasHost => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port ?? Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };
}

/// <summary>How the connection to the relay is secured, by the names in the contract.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>How the delivery worker claims, sends and retries. Bound from <c>Escalation:Mail:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Off only in tests that call <c>OutboxDelivery</c> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most mails claimed and sent over one connection.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long the worker sleeps when there was nothing (or not a full batch) to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claim lasts; a node that dies holding one releases it when it runs out.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failure; it doubles with each further one, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts at one mail, it is parked as failed for an administrator.</summary>
    public int MaxAttempts { get; set; } = 8;
}
