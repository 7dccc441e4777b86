using System.Data.Common;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Microsoft.Data.Sqlite;
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
internal sealed class OutboxStore(EscalationDbContext db, SqlDialect sql, OutboxNode node)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> pending rows that are due and not leased (or whose lease ran out),
    /// oldest first, in one statement: on SQLite the one writer is held only for that statement. On PostgreSQL the
    /// rows are locked with SKIP LOCKED, so two nodes claiming at once take different rows.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMail>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct)
    {
        var until = now + lease;
#pragma warning disable EF1003 // The only text joined to the SQL is SqlDialect.SkipLocked, a constant; the values are parameters.
        var taken = await db.Outbox.FromSqlRaw(
                "UPDATE outbox SET lease_owner = {0}, lease_until = {1} WHERE id IN (" +
                "SELECT o.id FROM outbox o WHERE o.state = 'Pending' AND o.next_attempt_at <= {2} " +
                "AND (o.lease_until IS NULL OR o.lease_until < {2}) ORDER BY o.next_attempt_at, o.id LIMIT {3}" + sql.SkipLocked("o") +
                ") RETURNING *",
                node.Id, sql.Instant(until), sql.Instant(now), batchSize)
            .AsNoTracking().ToListAsync(ct);
#pragma warning restore EF1003

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

    /// <summary>
    /// Runs the record of one attempt. On SQLite it commits without waiting for the disk (synchronous NORMAL, for this
    /// statement only): there is one such write per mail, and waiting for the disk each time held SQLite's one writer
    /// from the raises for longer than the raises' own writes. The record still outlives a killed process, as it is in
    /// the write-ahead log; a power cut could undo it, and then the mail is sent again with the same Message-Id, never
    /// lost. Everything a user is told is stored keeps waiting for the disk.
    /// </summary>
    private async Task<int> AfterAttemptAsync(Func<Task<int>> write, CancellationToken ct)
    {
        if (!sql.IsSqlite)
            return await write();

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var before = await PragmaAsync(connection, "PRAGMA synchronous", ct) as long?
            ?? throw new InvalidOperationException("SQLite did not report its synchronous setting.");
        try
        {
            await PragmaAsync(connection, "PRAGMA synchronous = NORMAL", ct);
            return await write();
        }
        finally
        {
            try
            {
                await PragmaAsync(connection, $"PRAGMA synchronous = {before}", CancellationToken.None);
            }
            catch (DbException)
            {
                // A connection that cannot be put back as it was must not serve anyone else.
                SqliteConnection.ClearPool((SqliteConnection)connection);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task<object?> PragmaAsync(DbConnection connection, string text, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        return await command.ExecuteScalarAsync(ct);
    }

    private IQueryable<OutboxMessage> Leased(Guid id) =>
        db.Outbox.Where(o => o.Id == id && o.State == OutboxState.Pending && o.LeaseOwner == node.Id);
}
