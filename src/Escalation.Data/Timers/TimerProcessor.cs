using System.Data.Common;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Data.Timers;

/// <summary>
/// Fires due timers in batches. Each batch is one transaction: the timers are claimed, their moves applied and
/// written, and the timers marked fired (or cancelled, if the escalation has moved on) together, so a timer fires
/// once even if the process dies mid-batch. Oldest first, so catching up after downtime keeps the order.
/// </summary>
public sealed class TimerProcessor(EscalationDbContext db, PolicyCatalog catalog, TimeProvider clock, SqlDialect sql, EngineSettings settings)
{
    private sealed record DueTimer(long Id, TimerKind Kind, int Stage, Guid EscalationId, Guid RaisedById, Guid RespondentId);

    /// <summary>Fires up to <paramref name="batchSize"/> due timers; returns how many were claimed.</summary>
    public async Task<int> FireDueAsync(int batchSize, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
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
            Move move = timer.Kind == TimerKind.Deadline ? new DeadlinePassed(timer.Stage) : new ReminderDue(timer.Stage);
            var result = table.Apply(before, move, Actor.System, now);
            if (!result.IsAllowed)
            {
                await writer.MarkTimerAsync(timer.Id, TimerState.Cancelled, now, ct);
                continue;
            }

            var transition = result.Transition!;
            if (!await writer.MarkTimerAsync(timer.Id, TimerState.Fired, now, ct)
                || !await writer.UpdateEscalationAsync(before, transition.State, now, ct))
            {
                // Changed under us by another node: leave it for the next batch, which reads it afresh.
                continue;
            }

            directory ??= await DirectorySnapshot.LoadAsync(db, ct);
            await writer.WriteEffectsAsync(transition, timer.RaisedById, timer.RespondentId, new Recipients(table.Policy, directory), now, ct);
            states[timer.EscalationId] = transition.State;
        }

        await transaction.CommitAsync(ct);
        return due.Count;
    }

    /// <summary>When the next pending timer falls due, if there is one.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct = default)
    {
        var next = await db.Timers.AsNoTracking().Where(t => t.State == TimerState.Pending)
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
            "e.stage_started_at, e.stage_due_at, e.version, e.raised_by_id, e.respondent_id " +
            "FROM timers t JOIN escalations e ON e.id = t.escalation_id " +
            "WHERE t.state = 'Pending' AND t.due_at <= @now ORDER BY t.due_at, t.id LIMIT @limit" + sql.SkipLocked("t");
        AddParameter(command, "@now", sql.Instant(now));
        AddParameter(command, "@limit", batchSize);

        var due = new List<DueTimer>(batchSize);
        var states = new Dictionary<Guid, EscalationState>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var escalationId = sql.ReadId(reader, 3);
            due.Add(new DueTimer(reader.GetInt64(0), SqlDialect.ReadEnum<TimerKind>(reader, 1), reader.GetInt32(2), escalationId,
                sql.ReadId(reader, 13), sql.ReadId(reader, 14)));
            states.TryAdd(escalationId, new EscalationState(
                escalationId, reader.GetString(4), reader.GetInt32(5), SqlDialect.ReadEnum<Track>(reader, 6),
                SqlDialect.ReadEnum<EscalationStatus>(reader, 7), reader.GetInt32(8), reader.GetInt32(9),
                sql.ReadInstant(reader, 10), sql.ReadInstant(reader, 11), reader.GetInt32(12)));
        }

        return (due, states);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
