using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Notifications.Delivery;

/// <summary>One outbox row, claimed by this node until <see cref="LeaseUntil"/>.</summary>
public sealed record ClaimedMail(
    Guid Id,
    string MessageId,
    Guid? EscalationId,
    string TemplateKey,
    int? Stage,
    Guid? RecipientPersonId,
    string RecipientEmail,
    string RecipientName,
    string RecipientAudience,
    string? Payload,
    int Attempts,
    DateTimeOffset LeaseUntil);

/// <summary>
/// The outbox rows as the delivery worker sees them. A claim is a short transaction that takes due rows under a lease;
/// every later write checks that the lease is still this node's, so a row another node has taken over is left alone.
/// </summary>
internal sealed class OutboxStore(EscalationDbContext db, SqlDialect sql, OutboxNode node, DatabaseWrites writes)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> pending rows that are due and not leased (or whose lease ran out),
    /// oldest first, in one statement in a transaction of its own: on SQLite the one writer is held only that long. On
    /// PostgreSQL the rows are locked with SKIP LOCKED, so two nodes claiming at once take different rows.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMail>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct)
    {
        var until = now + lease;
        await using var transaction = await writes.BeginAsync(db, ct);
#pragma warning disable EF1003 // The only text joined to the SQL is SqlDialect.SkipLocked, a constant; the values are parameters.
        var taken = await db.Outbox.FromSqlRaw(
                "UPDATE outbox SET lease_owner = {0}, lease_until = {1} WHERE id IN (" +
                "SELECT o.id FROM outbox o WHERE o.state = 'Pending' AND o.next_attempt_at <= {2} " +
                "AND (o.lease_until IS NULL OR o.lease_until < {2}) ORDER BY o.next_attempt_at, o.id LIMIT {3}" + sql.SkipLocked("o") +
                ") RETURNING *",
                node.Id, sql.Instant(until), sql.Instant(now), batchSize)
            .AsNoTracking().ToListAsync(ct);
#pragma warning restore EF1003
        await transaction.CommitAsync(ct);

        return taken.OrderBy(row => row.NextAttemptAt).ThenBy(row => row.Id)
            .Select(row => new ClaimedMail(row.Id, row.MessageId, row.EscalationId, row.TemplateKey, row.Stage, row.RecipientPersonId,
                row.RecipientEmail, row.RecipientName, row.RecipientAudience, row.Payload, row.Attempts, until))
            .ToList();
    }

    /// <summary>Marks a sent row; false if the lease is no longer this node's (another node took the row over).</summary>
    public async Task<bool> MarkSentAsync(Guid id, DateTimeOffset now, CancellationToken ct) =>
        await AfterAttemptAsync(() => Leased(id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Sent)
            .SetProperty(o => o.SentAt, now)
            .SetProperty(o => o.LeaseOwner, (string?)null)
            .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct), ct) == 1;

    /// <summary>Records a failed attempt and when to try again, and releases the lease.</summary>
    public async Task<bool> ScheduleRetryAsync(Guid id, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken ct) =>
        await AfterAttemptAsync(() => Leased(id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Attempts, attempts)
            .SetProperty(o => o.NextAttemptAt, nextAttemptAt)
            .SetProperty(o => o.LastError, error)
            .SetProperty(o => o.LeaseOwner, (string?)null)
            .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct), ct) == 1;

    /// <summary>Parks a row as failed, for an administrator to see and retry.</summary>
    public async Task<bool> ParkAsync(Guid id, int attempts, string error, CancellationToken ct) =>
        await AfterAttemptAsync(() => Leased(id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Failed)
            .SetProperty(o => o.Attempts, attempts)
            .SetProperty(o => o.LastError, error)
            .SetProperty(o => o.LeaseOwner, (string?)null)
            .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct), ct) == 1;

    /// <summary>Runs the record of one attempt in a write transaction of its own.</summary>
    private async Task<int> AfterAttemptAsync(Func<Task<int>> write, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        var rows = await write();
        await transaction.CommitAsync(ct);
        return rows;
    }

    private IQueryable<OutboxMessage> Leased(Guid id) =>
        db.Outbox.Where(o => o.Id == id && o.State == OutboxState.Pending && o.LeaseOwner == node.Id);
}
