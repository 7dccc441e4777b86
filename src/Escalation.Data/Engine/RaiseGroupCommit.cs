using System.Collections.Concurrent;
using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Data.Engine;

/// <summary>
/// Group commit for raises on SQLite. SQLite has one writer at a time and each commit waits for the disk (an fsync of
/// the write-ahead log), so raises that arrive together are written together: the first to get its turn writes every
/// raise waiting at that moment in one transaction, and commits once for all of them.
/// <para>
/// Each raise is still all or nothing: its escalation, stage record, history, timers and outbox mails are written
/// inside a savepoint of their own, so a raise that fails (a foreign key, say) is rolled back alone and reported to its
/// caller, while the others in the transaction are kept. If the transaction itself fails, every raise in it fails and
/// none is stored. A caller learns its raise is stored only after the commit.
/// </para>
/// <para>PostgreSQL does not use this: it commits many transactions at once by itself.</para>
/// </summary>
public sealed class RaiseGroupCommit : IDisposable
{
    /// <summary>The most raises written in one transaction.</summary>
    internal const int MaxBatch = 64;

    private readonly ConcurrentQueue<PendingRaise> _queue = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public void Dispose() => _turn.Dispose();

    /// <summary>Writes one raise, with any others waiting, and returns once it is committed (or throws why it was not).</summary>
    internal async Task WriteAsync(PendingRaise raise, EscalationDbContext db, SqlDialect sql, string messageIdDomain)
    {
        _queue.Enqueue(raise);
        if (!await TakeTurnUnlessDoneAsync(raise))
        {
            await raise.Done.Task;
            return;
        }

        try
        {
            // This caller writes every raise queued so far (its own among them), MaxBatch at a time.
            while (!raise.Done.Task.IsCompleted)
                await WriteBatchAsync(db, sql, messageIdDomain);
        }
        finally
        {
            _turn.Release();
        }

        await raise.Done.Task;
    }

    // Waits for the turn to write, unless another writer stores this raise first; true if the turn was taken.
    private async Task<bool> TakeTurnUnlessDoneAsync(PendingRaise raise)
    {
        using var stop = new CancellationTokenSource();
        var turn = _turn.WaitAsync(stop.Token);
        if (await Task.WhenAny(turn, raise.Done.Task) == turn)
        {
            await turn;
            return true;
        }

        await stop.CancelAsync();
        try
        {
            await turn;
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        // The turn came at the same moment as the raise was stored: give it back.
        _turn.Release();
        return false;
    }

    private async Task WriteBatchAsync(EscalationDbContext db, SqlDialect sql, string messageIdDomain)
    {
        var batch = new List<PendingRaise>(MaxBatch);
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
            batch.Add(next);
        if (batch.Count == 0)
            return;

        // The batch carries other callers' raises: no one caller's cancellation may stop it half way.
        var ct = CancellationToken.None;
        var stored = new List<PendingRaise>(batch.Count);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            await using var writer = new TransitionWriter(connection, dbTransaction, sql, messageIdDomain);
            await using var insert = new EntityInsert<EscalationRecord>(db, connection, dbTransaction);
            await using var savepoint = new PreparedCommand(connection, dbTransaction, "SAVEPOINT raise", 0);
            await using var release = new PreparedCommand(connection, dbTransaction, "RELEASE raise", 0);
            await using var undo = new PreparedCommand(connection, dbTransaction, "ROLLBACK TO raise", 0);
            foreach (var raise in batch)
            {
                await savepoint.ExecuteAsync(ct);
                try
                {
                    await raise.WriteAsync(insert, writer, ct);
                    await release.ExecuteAsync(ct);
                    stored.Add(raise);
                }
#pragma warning disable CA1031 // A raise that fails is undone alone and its caller told; the rest of the batch goes on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    // If the transaction itself is gone, undoing fails too, and the whole batch fails below.
                    await undo.ExecuteAsync(ct);
                    await release.ExecuteAsync(ct);
                    raise.Done.TrySetException(ex);
                }
            }

            await transaction.CommitAsync(ct);
        }
#pragma warning disable CA1031 // Whatever stopped the transaction is handed to each caller whose raise it carried.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var raise in batch)
                raise.Done.TrySetException(ex);
            return;
        }

        foreach (var raise in stored)
            raise.Done.TrySetResult();
    }
}

/// <summary>One raise ready to write: its row, the engine's transition, and who is mailed.</summary>
internal sealed class PendingRaise(EscalationRecord record, Transition transition, Recipients recipients, DateTimeOffset now)
{
    public EscalationRecord Record { get; } = record;

    public Transition Transition { get; } = transition;

    public Recipients Recipients { get; } = recipients;

    public DateTimeOffset Now { get; } = now;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Inserts the escalation and writes the transition's effects, inside the caller's transaction.</summary>
    public async Task WriteAsync(EntityInsert<EscalationRecord> insert, TransitionWriter writer, CancellationToken ct)
    {
        await insert.ExecuteAsync(Record, ct);
        await writer.WriteEffectsAsync(Transition, Record.RaisedById, Record.RespondentId, Recipients, Now, ct);
    }
}
