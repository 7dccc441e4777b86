using System.Data.Common;
using System.Globalization;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Escalation.Services.Timers;

/// <summary>
/// Fires due timers of every kind in batches. Each batch is one transaction: the due timers are claimed with one
/// query, each kind's handler does their work (a move, a mail) and marks them fired or cancelled, and the batch
/// commits together, so a timer fires once even if the process dies mid-batch or two copies of the service run.
/// Oldest first, so catching up after downtime keeps the order.
/// </summary>
public sealed partial class TimerProcessor(
    EscalationDbContext db, IEnumerable<ITimerHandler> handlers, TimeProvider clock, SqlDialect sql, EngineSettings settings,
    DatabaseWrites writes, ILogger<TimerProcessor> logger)
{
    private readonly Dictionary<WorkKind, ITimerHandler> _handlers = handlers.SelectMany(h => h.Kinds.Select(k => (k, h)))
        .ToDictionary(p => p.k, p => p.h);

    /// <summary>How long a timer that failed to fire is set aside before it is tried again.</summary>
    public static readonly TimeSpan SetAsideFor = TimeSpan.FromMinutes(5);

    /// <summary>The kinds this copy of the service runs: those with a handler registered.</summary>
    public IReadOnlyCollection<WorkKind> Kinds => _handlers.Keys;

    /// <summary>Lets each handler set the timers it keeps by itself (the next quarterly report); safe to repeat.</summary>
    public async Task ScheduleAsync(CancellationToken ct = default)
    {
        foreach (var handler in _handlers.Values.Distinct())
            await handler.ScheduleAsync(ct);
    }

    /// <summary>
    /// Fires up to <paramref name="batchSize"/> timers whose time has passed; returns how many were claimed.
    /// A deadline at 23:59:59 has passed only after that second, as the contract's "end of the day" means.
    /// </summary>
    public async Task<int> FireDueAsync(int batchSize, CancellationToken ct = default)
    {
        try
        {
            return await FireBatchAsync(batchSize, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && batchSize > 1)
        {
            // One bad timer must not hold up every other one: go one by one, setting aside any that fails.
            db.ChangeTracker.Clear();
            var fired = 0;
            for (var i = 0; i < batchSize; i++)
            {
                var one = await FireOneOrSetAsideAsync(ct);
                if (one == 0)
                    break;
                fired += one;
            }

            return fired;
        }
    }

    /// <summary>
    /// When the next pending timer that is not set aside falls due, if there is one. A set-aside timer is left to the
    /// poll interval, so that one failing timer never makes the worker look again at once, over and over.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var kinds = Kinds.ToList();
        return await db.Timers.AsNoTracking()
            .Where(t => t.State == TimerState.Pending && kinds.Contains(t.Kind) && (t.LeaseUntil == null || t.LeaseUntil < now))
            .OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct);
    }

    private async Task<int> FireOneOrSetAsideAsync(CancellationToken ct)
    {
        try
        {
            return await FireBatchAsync(1, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var kinds = Kinds.ToList();
            var culprit = await db.Timers
                .Where(t => t.State == TimerState.Pending && kinds.Contains(t.Kind) && t.DueAt < now && (t.LeaseUntil == null || t.LeaseUntil < now))
                .OrderBy(t => t.DueAt).ThenBy(t => t.Id).FirstOrDefaultAsync(ct);
            if (culprit is null)
                throw;
            LogSetAside(logger, culprit.Id, culprit.Kind, SetAsideFor, ex);
            culprit.LeaseOwner = "set-aside: " + ex.GetType().Name;
            culprit.LeaseUntil = now + SetAsideFor;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return 1;
        }
    }

    private async Task<int> FireBatchAsync(int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await writes.BeginAsync(db, ct);
        var due = await ClaimAsync(transaction.GetDbTransaction(), now, batchSize, ct);
        if (due.Count == 0)
            return 0;

        await using var writer = new TransitionWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction(), sql, settings.MessageIdDomain);
        await using var outbox = new OutboxWriter(db, sql, settings);
        var batch = new TimerBatch(writer, outbox, now);
        foreach (var group in due.GroupBy(t => _handlers[t.Kind]))
            await group.Key.FireAsync([.. group], batch, ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }

    /// <summary>
    /// The one claim: the oldest due timers of the kinds this copy runs. On PostgreSQL the rows stay locked until the
    /// batch commits, and rows another copy holds are skipped; on SQLite the write transaction is the lock.
    /// </summary>
    private async Task<List<DueTimer>> ClaimAsync(DbTransaction transaction, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The kinds are this program's own enum names, never anything a person typed.
        var kinds = string.Join(", ", Kinds.Select(k => $"'{SqlDialect.Enum(k)}'"));
#pragma warning disable CA2100
        command.CommandText =
            "SELECT t.id, t.kind, t.escalation_id, t.stage, t.assessment_id, t.period_from, t.due_at FROM timers t " +
            $"WHERE t.state = 'Pending' AND t.kind IN ({kinds}) AND t.due_at < @now AND (t.lease_until IS NULL OR t.lease_until < @now) " +
            "ORDER BY t.due_at, t.id LIMIT @limit" + sql.SkipLocked("t");
#pragma warning restore CA2100
        AddParameter(command, "@now", sql.Instant(now));
        AddParameter(command, "@limit", batchSize);

        var due = new List<DueTimer>(batchSize);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            due.Add(new DueTimer(
                reader.GetInt64(0),
                SqlDialect.ReadEnum<WorkKind>(reader, 1),
                reader.IsDBNull(2) ? null : sql.ReadId(reader, 2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : sql.ReadId(reader, 4),
                reader.IsDBNull(5) ? null : ReadDate(reader, 5),
                sql.ReadInstant(reader, 6)));
        }

        return due;
    }

    private DateOnly ReadDate(DbDataReader reader, int ordinal) => sql.IsSqlite
        ? DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : reader.GetFieldValue<DateOnly>(ordinal);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error,
        Message = "Timer {TimerId} ({Kind}) failed to fire; set aside for {SetAsideFor} and the others fired")]
    private static partial void LogSetAside(ILogger logger, long timerId, WorkKind kind, TimeSpan setAsideFor, Exception exception);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
