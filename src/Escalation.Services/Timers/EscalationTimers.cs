using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Services.Timers;

/// <summary>
/// Stage reminders and deadlines: each is a move of the escalation by the system, made through the transition table
/// and written like a person's move.
/// </summary>
public sealed class EscalationTimers(EscalationDbContext db, PolicyCatalog catalog, SqlDialect sql, EngineSettings settings, DirectoryCache directoryCache)
    : ITimerHandler
{
    private sealed record Escalation(EscalationState State, Guid RaisedById, Guid RespondentId);

    public IReadOnlyCollection<WorkKind> Kinds { get; } = [WorkKind.Reminder, WorkKind.Deadline];

    public Task ScheduleAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task FireAsync(IReadOnlyList<DueTimer> due, TimerBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(batch);
        var escalations = await LockAsync(due.Select(t => t.EscalationId!.Value).Distinct().ToList(), ct);
        DirectorySnapshot? directory = null;
        foreach (var timer in due)
        {
            if (!escalations.TryGetValue(timer.EscalationId!.Value, out var escalation))
            {
                // A person's move holds the escalation (PostgreSQL): leave the timer pending for the next batch.
                continue;
            }

            var before = escalation.State;
            var table = catalog.Table(before.PolicyId, before.PolicyVersion);
            var stage = timer.Stage!.Value;
            Move move = timer.Kind == WorkKind.Deadline
                ? new DeadlinePassed(stage) { FellDueAt = timer.DueAt }
                : new ReminderDue(stage) { FellDueAt = timer.DueAt };
            var result = table.Apply(before, move, Actor.System, batch.Now);
            if (!result.IsAllowed)
            {
                await batch.MarkAsync(timer, TimerState.Cancelled, ct);
                continue;
            }

            var transition = result.Transition!;
            directory ??= await directoryCache.ReadAsync(db, ct);
            await batch.Writer.WriteTimerMoveAsync(timer.Id, before, transition, escalation.RaisedById, escalation.RespondentId,
                settings.RecipientsFor(table.Policy, directory), batch.Now, ct);
            escalations[before.Id] = escalation with { State = transition.State };
        }
    }

    /// <summary>
    /// Reads the escalations' states. On PostgreSQL each is locked with its timer, so a person's move on it waits for
    /// this batch (and then finds the version moved on) instead of deadlocking with it; one a person is moving now is
    /// skipped, and its timer waits for the next batch.
    /// </summary>
    private async Task<Dictionary<Guid, Escalation>> LockAsync(List<Guid> ids, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var names = new List<string>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            names.Add($"@e{i}");
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            parameter.Value = sql.Id(ids[i]);
            command.Parameters.Add(parameter);
        }

#pragma warning disable CA2100 // Parameter names only; every value is a parameter.
        command.CommandText =
            "SELECT e.id, e.policy_id, e.policy_version, e.track, e.status, e.stage, e.highest_stage, e.stage_started_at, " +
            $"e.stage_due_at, e.version, e.raised_by_id, e.respondent_id FROM escalations e WHERE e.id IN ({string.Join(", ", names)})" +
            sql.SkipLocked("e");
#pragma warning restore CA2100
        var found = new Dictionary<Guid, Escalation>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = sql.ReadId(reader, 0);
            found[id] = new Escalation(new EscalationState(
                id, reader.GetString(1), reader.GetInt32(2), SqlDialect.ReadEnum<Track>(reader, 3),
                SqlDialect.ReadEnum<EscalationStatus>(reader, 4), reader.GetInt32(5), reader.GetInt32(6),
                sql.ReadInstant(reader, 7), sql.ReadInstant(reader, 8), reader.GetInt32(9)), sql.ReadId(reader, 10), sql.ReadId(reader, 11));
        }

        return found;
    }
}
