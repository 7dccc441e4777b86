using Escalation.Notifications.Templates;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Escalation.Notifications.Delivery;

/// <summary>Turns a rendered mail into a MIME message: multipart/alternative, text then HTML, with the row's own Message-Id.</summary>
public sealed class MailComposer(IOptions<SmtpOptions> smtp, TimeProvider clock)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(smtp.Value.From);

    /// <exception cref="ParseException">The recipient's address cannot be used.</exception>
    public MimeMessage Compose(ClaimedMail mail, RenderedEmail email)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            // Fixed when the row was written: a resend after a crash carries the same Message-Id, so it can be recognised.
            MessageId = mail.MessageId,
            Date = clock.GetUtcNow(),
            Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody(),
        };
        message.From.Add(_from);
        message.To.Add(new MailboxAddress(mail.RecipientName, MailboxAddress.Parse(mail.RecipientEmail).Address));
        // RFC 3834: tells mail servers and out-of-office replies that no person sent it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
