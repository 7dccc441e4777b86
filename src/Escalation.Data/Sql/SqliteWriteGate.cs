using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Escalation.Data.Sql;

/// <summary>
/// Queues this process's writers to a SQLite file in the process, one at a time, instead of letting them collide in
/// SQLite. SQLite lets one connection write at a time; Microsoft.Data.Sqlite meets a held write lock by blocking its
/// thread for 150 ms and trying again until the command timeout, so under load writers spend most of their time asleep
/// on thread-pool threads while the lock is free. With the gate a writer waits asynchronously and starts the moment
/// the writer before it finishes.
/// <para>
/// Registered as an EF Core interceptor on the SQLite context only (one copy of the service owns a SQLite file;
/// PostgreSQL keeps its own row locks). It holds the gate for every transaction the context begins (each is a
/// <c>BEGIN IMMEDIATE</c>, a write transaction, on SQLite) from just before <c>BEGIN</c> until it is committed, rolled
/// back or its connection closed; and for every statement run outside a transaction that is not a <c>SELECT</c>
/// (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, a lone <c>SaveChanges</c> insert) while it runs. Reads outside a
/// transaction never wait: write-ahead logging lets them run beside the writer. Writers outside this process (another
/// program on the same file) still meet SQLite's own locking, as before.
/// </para>
/// <para>
/// One gate per file for the whole process, so two hosts in one process on the same file share it. A writer that
/// waits longer than the connection's default timeout gets the same error SQLite would give (<c>SQLITE_BUSY</c>).
/// </para>
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private const int SqliteBusy = 5;
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _gate;
    private readonly TimeSpan _timeout;

    // What each EF connection (by its ConnectionId) holds: at most one lease, for its transaction or its statement.
    private readonly ConcurrentDictionary<Guid, Lease> _held = new();

    private SqliteWriteGate(SemaphoreSlim gate, TimeSpan timeout)
    {
        _gate = gate;
        _timeout = timeout;
    }

    /// <summary>The gate for the file a connection string names, shared by every context on that file in this process.</summary>
    public static SqliteWriteGate For(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var timeout = TimeSpan.FromSeconds(builder.DefaultTimeout > 0 ? builder.DefaultTimeout : 30);
        return new SqliteWriteGate(Files.GetOrAdd(FileKey(builder), _ => new SemaphoreSlim(1, 1)), timeout);
    }

    /// <summary>How many writers this gate's file has inside (0 or 1); for tests.</summary>
    internal int Inside => 1 - _gate.CurrentCount;

    internal static string FileKey(SqliteConnectionStringBuilder builder)
    {
        var source = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source)
            || string.Equals(source, ":memory:", StringComparison.Ordinal);
        if (inMemory || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return "memory-or-uri:" + source;
        return Path.GetFullPath(source);
    }

    // ---- Transactions: the gate is taken before BEGIN and given back when the transaction ends.

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventData);
        var lease = _held.ContainsKey(eventData.ConnectionId) ? null : Enter();
        return Begin(connection, eventData, lease);
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventData);
        var lease = _held.ContainsKey(eventData.ConnectionId) ? null : await EnterAsync(cancellationToken);
        return Begin(connection, eventData, lease);
    }

    // BEGIN is run here, under the gate, so that a failure to begin gives the gate back at once.
    private InterceptionResult<DbTransaction> Begin(DbConnection connection, TransactionStartingEventData eventData, Lease? lease)
    {
        try
        {
            var transaction = connection.BeginTransaction(eventData.IsolationLevel);
            if (lease is not null)
                _held[eventData.ConnectionId] = lease;
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            lease?.Dispose();
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    // A failed commit or rollback leaves the transaction to be disposed, which rolls it back: the gate is given back
    // when the connection closes (below), not before, since SQLite may still hold the lock until then.

    private void Leave(TransactionEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Release(eventData.ConnectionId);
    }

    // ---- A transaction disposed without commit or rollback ends when its connection closes (EF closes the
    // connection it opened for the transaction); whatever the connection still holds is given back then.

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Release(eventData.ConnectionId);
    }

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Release(eventData.ConnectionId);
    }

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // ---- Statements outside a transaction: a write holds the gate while it runs.

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Before(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, eventData, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        AfterStatement(eventData);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        AfterStatement(eventData);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Before(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, eventData, cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        AfterStatement(eventData);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        AfterStatement(eventData);
        return ValueTask.FromResult(result);
    }

    // A reader's statement holds SQLite's lock until the reader is done with it, so its lease lasts until then.
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Before(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        AfterStatement(eventData);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        AfterStatement(eventData);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        AfterStatement(eventData);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => AfterStatement(eventData);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterStatement(eventData);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => AfterStatement(eventData);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterStatement(eventData);
        return Task.CompletedTask;
    }

    private void Before(DbCommand command, CommandEventData eventData)
    {
        if (NeedsStatementLease(command, eventData) is { } connectionId)
            _held[connectionId] = Enter(statement: true);
    }

    private async ValueTask BeforeAsync(DbCommand command, CommandEventData eventData, CancellationToken ct)
    {
        if (NeedsStatementLease(command, eventData) is { } connectionId)
            _held[connectionId] = await EnterAsync(ct, statement: true);
    }

    private Guid? NeedsStatementLease(DbCommand command, CommandEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        if (command.Transaction is not null)
            return null;
        if (_held.TryGetValue(eventData.ConnectionId, out var stale))
        {
            // The connection's transaction ended without a commit or rollback EF saw, and the connection stayed open:
            // it still holds the gate; let this statement finish with it and give it back then.
            stale.Statement = true;
            return null;
        }

        return IsRead(command.CommandText) ? null : eventData.ConnectionId;
    }

    private void AfterStatement(CommandEndEventData eventData) => AfterStatement(eventData.ConnectionId);

    private void AfterStatement(DataReaderClosingEventData eventData) => AfterStatement(eventData.ConnectionId);

    private void AfterStatement(DataReaderDisposingEventData eventData) => AfterStatement(eventData.ConnectionId);

    private void AfterStatement(Guid connectionId)
    {
        if (_held.TryGetValue(connectionId, out var lease) && lease.Statement && _held.TryRemove(new(connectionId, lease)))
            lease.Dispose();
    }

    private void Release(Guid connectionId)
    {
        if (_held.TryRemove(connectionId, out var lease))
            lease.Dispose();
    }

    /// <summary>True for a statement that only reads: it starts with SELECT (after blanks and comments).</summary>
    internal static bool IsRead(string? sql)
    {
        var text = sql.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n');
                text = end < 0 ? [] : text[(end + 1)..];
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", StringComparison.Ordinal);
                text = end < 0 ? [] : text[(end + 2)..];
            }
            else
            {
                break;
            }
        }

        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }

    private Lease Enter(bool statement = false)
    {
        if (!_gate.Wait(_timeout))
            throw Busy();
        return new Lease(_gate) { Statement = statement };
    }

    private async ValueTask<Lease> EnterAsync(CancellationToken ct, bool statement = false)
    {
        if (!await _gate.WaitAsync(_timeout, ct))
            throw Busy();
        return new Lease(_gate) { Statement = statement };
    }

    private SqliteException Busy() => new(
        $"database is locked: another writer in this process held the SQLite database for more than {_timeout.TotalSeconds:N0} s", SqliteBusy);

    /// <summary>One turn at the gate, given back once however many times it is disposed.</summary>
    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        /// <summary>Given back when the statement ends, not the transaction.</summary>
        public bool Statement { get; set; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}
