using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Data.Writes;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Notifications.Admin;

/// <summary>One outbox row as an administrator sees it: no body, no payload (it may hold an invitation token).</summary>
public sealed record OutboxEntry(
    Guid Id,
    string MessageId,
    string TemplateKey,
    string RecipientEmail,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt);

/// <summary>What administrators may do with the outbox: see the mails in a state, and send a parked one again.</summary>
public sealed class OutboxAdmin(EscalationDbContext db, TimeProvider clock, DatabaseWrites writes)
{
    /// <summary>The mails in <paramref name="state"/>, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxState state, int limit = 500, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await db.Outbox.AsNoTracking()
            .Where(o => o.State == state)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Take(limit)
            .Select(o => new OutboxEntry(o.Id, o.MessageId, o.TemplateKey, o.RecipientEmail, o.Attempts, o.LastError, o.CreatedAt, o.NextAttemptAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The mails still being retried: pending, tried at least once and failed, so each has a last error. Oldest
    /// first, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListRetryingAsync(int limit = 500, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await db.Outbox.AsNoTracking()
            .Where(o => o.State == OutboxState.Pending && o.Attempts > 0)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Take(limit)
            .Select(o => new OutboxEntry(o.Id, o.MessageId, o.TemplateKey, o.RecipientEmail, o.Attempts, o.LastError, o.CreatedAt, o.NextAttemptAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Puts a parked mail back in the queue to go now, with its attempts reset and the same Message-Id.
    /// False if there is no such mail or it is not parked as failed.
    /// </summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await writes.BeginAsync(db, ct);
        var retried = await db.Outbox.Where(o => o.Id == id && o.State == OutboxState.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Pending)
                .SetProperty(o => o.Attempts, 0)
                .SetProperty(o => o.NextAttemptAt, now)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct);
        await transaction.CommitAsync(ct);
        return retried == 1;
    }
}
