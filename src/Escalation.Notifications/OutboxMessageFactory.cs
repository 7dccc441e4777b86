using System.Globalization;
using System.Text.Json;
using Escalation.Data.Entities;
using Escalation.Notifications.Templates;
using Escalation.Services.Escalations;

namespace Escalation.Notifications;

/// <summary>
/// Builds outbox rows for the mails that do not come from an escalation move: an invitation and a decision review.
/// Add the row to the same DbContext as the change that causes it and save them together, so the mail is never lost;
/// the payload carries exactly what the template needs.
/// </summary>
public sealed class OutboxMessageFactory(EngineSettings settings, TimeProvider clock)
{
    /// <summary>An invitation to set a password; the link is <c>{BaseUrl}/account/invitation?token=TOKEN</c>.</summary>
    public OutboxMessage Invitation(Guid personId, string name, string email, string token, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var payload = new Dictionary<string, string> { ["token"] = token };
        if (expiresAt is { } expires)
            payload["expiresAt"] = expires.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        return Row(EmailTemplateKeys.Invitation, personId, name, email, "invitee", payload, sendAt: null);
    }

    /// <summary>
    /// A reminder that a decision about a sexually active child is due for review, sent at <paramref name="sendAt"/>
    /// (now if null): an outbox row is not sent before its next attempt time, so it also serves as a scheduled mail.
    /// </summary>
    public OutboxMessage DecisionReviewDue(Guid personId, string name, string email, Guid assessmentId, string childReference,
        DateOnly reviewDate, DateTimeOffset? sendAt = null) =>
        Row(EmailTemplateKeys.DecisionReviewDue, personId, name, email, "assessor", new Dictionary<string, string>
        {
            ["assessmentId"] = assessmentId.ToString("D", CultureInfo.InvariantCulture),
            ["childReference"] = childReference,
            ["reviewDate"] = reviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, sendAt);

    private OutboxMessage Row(string templateKey, Guid personId, string name, string email, string audience,
        Dictionary<string, string> payload, DateTimeOffset? sendAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        return new OutboxMessage
        {
            Id = id,
            MessageId = $"{id:N}@{settings.MessageIdDomain}",
            TemplateKey = templateKey,
            RecipientPersonId = personId,
            RecipientEmail = email,
            RecipientName = name,
            RecipientAudience = audience,
            Payload = JsonSerializer.Serialize(payload),
            CreatedAt = now,
            State = OutboxState.Pending,
            NextAttemptAt = sendAt ?? now,
        };
    }
}
