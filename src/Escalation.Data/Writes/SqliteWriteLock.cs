using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Escalation.Data.Writes;

/// <summary>
/// One writer at a time to a SQLite file, queued in this process. Microsoft.Data.Sqlite begins every transaction with
/// <c>BEGIN IMMEDIATE</c>, and a writer that meets a held lock sleeps 150 ms before each retry: under load raises would
/// spend most of their time asleep while the file is free. Here a writer waits asynchronously and goes the moment the
/// one before it ends (P3: p99 at 100 raises/s within 50 ms).
/// <para>
/// Taken only by <see cref="DatabaseWrites.BeginAsync"/>, which every write transaction of the service uses (moves,
/// raises, timer batches, outbox claims and delivery records, assessments, administration). Writes that do not go
/// through it meet SQLite's own lock and its busy timeout (the connection's <c>Default Timeout</c>, 30 s unless set):
/// ASP.NET Identity's own saves outside a transaction (sign-in counters, password changes), the page session store,
/// setting aside a timer that failed, the quarterly report's transaction, and start-up (migration, accounts, demo seed).
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "One lock per file, kept for the life of the process: its semaphore is never disposed.")]
public sealed class SqliteWriteLock
{
    private static readonly ConcurrentDictionary<string, SqliteWriteLock> Files = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly TimeSpan _timeout;

    private SqliteWriteLock(TimeSpan timeout) => _timeout = timeout;

    /// <summary>The lock of the file a connection string names, shared by every host in this process.</summary>
    public static SqliteWriteLock For(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var timeout = TimeSpan.FromSeconds(builder.DefaultTimeout > 0 ? builder.DefaultTimeout : 30);
        return Files.GetOrAdd(FileKey(builder), _ => new SqliteWriteLock(timeout));
    }

    /// <summary>Whether a writer holds the lock; for tests.</summary>
    internal bool IsHeld => _one.CurrentCount == 0;

    internal async Task EnterAsync(CancellationToken ct)
    {
        if (!await _one.WaitAsync(_timeout, ct))
            throw new TimeoutException($"Another writer in this process held the SQLite database for more than {_timeout.TotalSeconds:N0} s.");
    }

    internal void Exit() => _one.Release();

    private static string FileKey(SqliteConnectionStringBuilder builder)
    {
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return "memory-or-uri:" + source;
        return Path.GetFullPath(source);
    }
}
