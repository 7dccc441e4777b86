using System.Data.Common;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Escalation.Data.Timers;

/// <summary>
/// Fires due timers in batches. Each batch is one transaction: the timers are claimed, their moves applied and
/// written, and the timers marked fired (or cancelled, if the escalation has moved on) together, so a timer fires
/// once even if the process dies mid-batch. Oldest first, so catching up after downtime keeps the order.
/// </summary>
public sealed partial class TimerProcessor(
    EscalationDbContext db, PolicyCatalog catalog, TimeProvider clock, SqlDialect sql, EngineSettings settings, DirectoryCache directoryCache,
    DatabaseWrites writes, ILogger<TimerProcessor> logger)
{
    private sealed record DueTimer(long Id, TimerKind Kind, int Stage, Guid EscalationId, Guid RaisedById, Guid RespondentId, DateTimeOffset DueAt);

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
            // One bad timer must not hold up every other escalation: go one by one, setting aside any that fails.
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

    /// <summary>How long a timer that failed to fire is set aside before it is tried again.</summary>
    public static readonly TimeSpan SetAsideFor = TimeSpan.FromMinutes(5);

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
            var culprit = await db.Timers.Where(t => t.State == TimerState.Pending && t.DueAt < now && (t.LeaseUntil == null || t.LeaseUntil < now))
                .OrderBy(t => t.DueAt).ThenBy(t => t.Id).FirstOrDefaultAsync(ct);
            if (culprit is null)
                throw;
            LogSetAside(logger, culprit.Id, culprit.EscalationId, SetAsideFor, ex);
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
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var (due, states) = await ClaimAsync(connection, dbTransaction, now, batchSize, ct);
        if (due.Count == 0)
            return 0;

        DirectorySnapshot? directory = null;
        await using var writer = new TransitionWriter(connection, dbTransaction, sql, settings.MessageIdDomain);
        foreach (var timer in due)
        {
            var before = states[timer.EscalationId];
            var table = catalog.Table(before.PolicyId, before.PolicyVersion);
            Move move = timer.Kind == TimerKind.Deadline
                ? new DeadlinePassed(timer.Stage) { FellDueAt = timer.DueAt }
                : new ReminderDue(timer.Stage) { FellDueAt = timer.DueAt };
            var result = table.Apply(before, move, Actor.System, now);
            if (!result.IsAllowed)
            {
                await writer.MarkTimerAsync(timer.Id, TimerState.Cancelled, now, ct);
                continue;
            }

            var transition = result.Transition!;
            if (!await writer.UpdateEscalationAsync(before, transition.State, now, ct))
            {
                // A person's move changed it after the claim: leave the timer pending; the next batch reads it afresh.
                continue;
            }

            if (!await writer.MarkTimerAsync(timer.Id, TimerState.Fired, now, ct))
            {
                // The claim holds the timer's row, so this means the claim failed: undo the whole batch.
                throw new InvalidOperationException($"Timer {timer.Id} was no longer pending although it was claimed.");
            }

            directory ??= await directoryCache.ReadAsync(db, ct);
            await writer.WriteEffectsAsync(transition, timer.RaisedById, timer.RespondentId, settings.RecipientsFor(table.Policy, directory), now, ct);
            states[timer.EscalationId] = transition.State;
        }

        await transaction.CommitAsync(ct);
        return due.Count;
    }

    /// <summary>
    /// When the next pending timer that is not set aside falls due, if there is one. A set-aside timer is left to the
    /// poll interval, so that one failing timer never makes the dispatcher look again at once, over and over.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var next = await db.Timers.AsNoTracking().Where(t => t.State == TimerState.Pending && (t.LeaseUntil == null || t.LeaseUntil < now))
            .OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct);
        return next;
    }

    private async Task<(List<DueTimer> Due, Dictionary<Guid, EscalationState> States)> ClaimAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT t.id, t.kind, t.stage, e.id, e.policy_id, e.policy_version, e.track, e.status, e.stage, e.highest_stage, " +
            "e.stage_started_at, e.stage_due_at, e.version, e.raised_by_id, e.respondent_id, t.due_at " +
            "FROM timers t JOIN escalations e ON e.id = t.escalation_id " +
            "WHERE t.state = 'Pending' AND t.due_at < @now AND (t.lease_until IS NULL OR t.lease_until < @now) ORDER BY t.due_at, t.id LIMIT @limit" +
            // The escalation is locked with its timer: a person's move on it waits for this batch (and then finds the
            // version moved on) instead of deadlocking with it, and an escalation a person is moving is skipped for now.
            sql.SkipLocked("t", "e");
        AddParameter(command, "@now", sql.Instant(now));
        AddParameter(command, "@limit", batchSize);

        var due = new List<DueTimer>(batchSize);
        var states = new Dictionary<Guid, EscalationState>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var escalationId = sql.ReadId(reader, 3);
            due.Add(new DueTimer(reader.GetInt64(0), SqlDialect.ReadEnum<TimerKind>(reader, 1), reader.GetInt32(2), escalationId,
                sql.ReadId(reader, 13), sql.ReadId(reader, 14), sql.ReadInstant(reader, 15)));
            states.TryAdd(escalationId, new EscalationState(
                escalationId, reader.GetString(4), reader.GetInt32(5), SqlDialect.ReadEnum<Track>(reader, 6),
                SqlDialect.ReadEnum<EscalationStatus>(reader, 7), reader.GetInt32(8), reader.GetInt32(9),
                sql.ReadInstant(reader, 10), sql.ReadInstant(reader, 11), reader.GetInt32(12)));
        }

        return (due, states);
    }

    [LoggerMessage(EventId = 22, Level = LogLevel.Error,
        Message = "Timer {TimerId} of escalation {EscalationId} failed to fire; set aside for {SetAsideFor} and the others fired")]
    private static partial void LogSetAside(ILogger logger, long timerId, Guid escalationId, TimeSpan setAsideFor, Exception exception);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
