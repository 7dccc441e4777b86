using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Data.Engine;

/// <summary>
/// The directory snapshot, kept in memory between requests. Nearly every request needs the directory and it seldom
/// changes, so each read asks the database only for the directory's version (one row, moved on by triggers whenever a
/// person, a role or a role given to someone changes, whichever copy of the service or tool made the change) and reads
/// the people again only when it has moved. A database without the version row is read in full every time.
/// </summary>
public sealed class DirectoryCache
{
    private const string VersionQuery = "SELECT version FROM directory_version WHERE id = 1";

    private Entry? _current;

    private sealed record Entry(long Version, DirectorySnapshot Snapshot);

    /// <summary>The directory as it stands in <paramref name="db"/>'s database, read afresh only if it changed since last time.</summary>
    public async Task<DirectorySnapshot> ReadAsync(EscalationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The version is read before the people: a change landing between the two leaves a snapshot newer than its
        // version, which costs one needless read later, never a stale answer.
        var version = await ReadVersionAsync(db, ct);
        var current = Volatile.Read(ref _current);
        if (version is not null && current?.Version == version)
            return current.Snapshot;

        var snapshot = await DirectorySnapshot.LoadAsync(db, ct);
        // Read inside a transaction, the version may count changes of that transaction that are later rolled back,
        // and a later change could bring the number back to it: only what was read outside one is kept.
        if (version is { } read && db.Database.CurrentTransaction is null)
            Volatile.Write(ref _current, new Entry(read, snapshot));
        return snapshot;
    }

    private static async Task<long?> ReadVersionAsync(EscalationDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = VersionQuery;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var value = await command.ExecuteScalarAsync(ct);
            return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
