using System.Globalization;
using System.Text;
using System.Text.Json;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Services.Escalations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Escalation.Web.Pages.Account;

/// <summary>
/// "Forgotten password" by email. The link carries the person's id and Identity's reset token, which works once
/// (it changes the account's security stamp) and for a day. The mail goes through the outbox like every other.
/// </summary>
internal sealed class PasswordResets(EscalationDbContext db, UserManager<Person> users, TimeProvider clock, EngineSettings settings)
{
    public const string TemplateKey = Notifications.Templates.EmailTemplateKeys.PasswordReset;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private const string BadLink = "This link has expired or has already been used. Ask for a new one from the sign-in page.";

    /// <summary>Queues a reset mail if an account uses this address; does nothing otherwise.</summary>
    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var person = await users.FindByEmailAsync(email);
        if (person is null)
            return;

        var identityToken = await users.GeneratePasswordResetTokenAsync(person);
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{person.Id:N}:{identityToken}"));
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        db.Outbox.Add(new OutboxMessage
        {
            Id = id,
            MessageId = $"{id:N}@{settings.MessageIdDomain}",
            TemplateKey = TemplateKey,
            RecipientPersonId = person.Id,
            RecipientEmail = person.Email!,
            RecipientName = person.Name,
            RecipientAudience = "account-holder",
            Payload = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["token"] = token,
                ["expiresAt"] = (now + Lifetime).ToString("O", CultureInfo.InvariantCulture),
            }),
            CreatedAt = now,
            State = OutboxState.Pending,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets the new password; errors are keyed by field (<c>token</c> or <c>password</c>).</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ResetAsync(string token, string password, CancellationToken ct)
    {
        if (!TryRead(token, out var personId, out var identityToken) || await users.FindByIdAsync(personId.ToString()) is not { } person)
            return new Dictionary<string, string[]> { ["token"] = [BadLink] };

        var result = await users.ResetPasswordAsync(person, identityToken, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? new Dictionary<string, string[]> { ["token"] = [BadLink] }
                : new Dictionary<string, string[]> { ["password"] = [.. result.Errors.Select(e => e.Description)] };
        }

        await users.ResetAccessFailedCountAsync(person);
        await users.SetLockoutEndDateAsync(person, null);
        return new Dictionary<string, string[]>();
    }

    private static bool TryRead(string token, out Guid personId, out string identityToken)
    {
        personId = Guid.Empty;
        identityToken = string.Empty;
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !Guid.TryParseExact(text[..colon], "N", out personId))
                return false;
            identityToken = text[(colon + 1)..];
            return identityToken.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
