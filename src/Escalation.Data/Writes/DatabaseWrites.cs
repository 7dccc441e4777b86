using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Data.Writes;

/// <summary>
/// Begins the service's write transactions: <c>await using var transaction = await writes.BeginAsync(db, ct);</c>, then
/// the writes, then <c>CommitAsync</c>. On SQLite it first takes the file's <see cref="SqliteWriteLock"/>, held until the
/// transaction commits, rolls back or is disposed; on PostgreSQL it only begins the transaction (row locks do the rest).
/// </summary>
public sealed class DatabaseWrites(SqliteWriteLock? sqliteLock)
{
    public async Task<IDbContextTransaction> BeginAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (sqliteLock is null)
            return await db.Database.BeginTransactionAsync(ct);

        await sqliteLock.EnterAsync(ct);
        try
        {
            return new LockedTransaction(await db.Database.BeginTransactionAsync(ct), sqliteLock);
        }
        catch
        {
            sqliteLock.Exit();
            throw;
        }
    }

    /// <summary>An EF Core transaction that gives the write lock back once it has ended.</summary>
    private sealed class LockedTransaction(IDbContextTransaction inner, SqliteWriteLock held) : IDbContextTransaction, IInfrastructure<DbTransaction>
    {
        private int _released;

        public Guid TransactionId => inner.TransactionId;

        public DbTransaction Instance => inner.GetDbTransaction();

        public void Commit()
        {
            try
            {
                inner.Commit();
            }
            finally
            {
                Release();
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.CommitAsync(cancellationToken);
            }
            finally
            {
                Release();
            }
        }

        public void Rollback()
        {
            try
            {
                inner.Rollback();
            }
            finally
            {
                Release();
            }
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.RollbackAsync(cancellationToken);
            }
            finally
            {
                Release();
            }
        }

        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                held.Exit();
        }
    }
}
