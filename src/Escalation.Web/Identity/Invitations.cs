using System.Security.Cryptography;
using System.Text.Json;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Services.Escalations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Web.Identity;

/// <summary>
/// Invites a person to set their password. The link carries a random token; only its hash is stored.
/// It works once, and not after it expires.
/// </summary>
internal sealed class Invitations(
    EscalationDbContext db, UserManager<Person> users, TimeProvider clock, SqlDialect sql, EngineSettings settings, IConfiguration configuration)
{
    public const string TemplateKey = "invitation";

    public TimeSpan Lifetime => TimeSpan.TryParse(configuration["Escalation:Invitations:Lifetime"], System.Globalization.CultureInfo.InvariantCulture, out var lifetime)
        ? lifetime
        : TimeSpan.FromDays(7);

    /// <summary>Creates an invitation and queues its mail, inside the caller's transaction.</summary>
    public async Task InviteAsync(Person person, IDbContextTransaction transaction, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.Invitations.Add(new Invitation
        {
            Id = Guid.CreateVersion7(now), PersonId = person.Id, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);

        await using var writer = new TransitionWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction(), sql, settings.MessageIdDomain);
        var payload = JsonSerializer.Serialize(new { token, expiresAt = now + Lifetime });
        await writer.InsertOutboxAsync(new OutboxMail(null, TemplateKey, null, person.Id, person.Email!, person.Name, "Invitee", payload), now, ct);
    }

    /// <summary>
    /// Sends a new invitation to someone who has not set a password yet; every earlier link of theirs stops working.
    /// Null if sent, otherwise why not (they have a password already, or have left).
    /// </summary>
    public async Task<string?> ResendAsync(Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.DeactivatedAt is not null)
            return $"{person.Name} has left. Reactivate them before sending an invitation.";
        if (await users.HasPasswordAsync(person))
            return $"{person.Name} has already set a password. If they have forgotten it, they can reset it from the sign-in page.";

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Invitations.Where(i => i.PersonId == person.Id && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), ct);
        await InviteAsync(person, transaction, ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Whether a link can still be used: not expired, not used, not replaced, for someone who has not left.</summary>
    public async Task<bool> IsOpenAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.UsedAt is not null || invitation.ExpiresAt <= clock.GetUtcNow())
            return false;
        var person = await users.FindByIdAsync(invitation.PersonId.ToString());
        return person is not null && person.DeactivatedAt is null && !await users.HasPasswordAsync(person);
    }

    /// <summary>Sets the password for the invited person; errors are keyed by field.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> AcceptAsync(string token, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(token);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.UsedAt is not null || invitation.ExpiresAt <= now)
        {
            return Error("token", "This invitation link has expired or has already been used. Ask your administrator for a new one.");
        }

        var person = await users.FindByIdAsync(invitation.PersonId.ToString());
        if (person is null || person.DeactivatedAt is not null || await users.HasPasswordAsync(person))
        {
            return Error("token", "This invitation link has expired or has already been used. Ask your administrator for a new one.");
        }

        var result = await users.AddPasswordAsync(person, password);
        if (!result.Succeeded)
        {
            return new Dictionary<string, string[]> { ["password"] = [.. result.Errors.Select(e => e.Description)] };
        }

        person.EmailConfirmed = true;
        await users.UpdateAsync(person);
        invitation.UsedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Dictionary<string, string[]>();
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
