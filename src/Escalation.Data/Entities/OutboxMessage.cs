namespace Escalation.Data.Entities;

/// <summary>
/// A mail to one recipient, written in the same transaction as the change that caused it and sent afterwards.
/// <see cref="MessageId"/> is fixed when the row is written, so a resend after a crash carries the same Message-Id.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public required string MessageId { get; set; }

    public Guid? EscalationId { get; set; }

    /// <summary>The template under <c>templates/email/</c>.</summary>
    public required string TemplateKey { get; set; }

    public int? Stage { get; set; }

    public Guid? RecipientPersonId { get; set; }

    public required string RecipientEmail { get; set; }

    public required string RecipientName { get; set; }

    /// <summary>Why this person receives it (e.g. <c>stage-actors</c>), so the mail can say what they must do.</summary>
    public required string RecipientAudience { get; set; }

    /// <summary>Extra template data as JSON (an invitation link, a review date). Never more child detail than the reference.</summary>
    public string? Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
}
