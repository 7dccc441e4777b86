using System.Data.Common;
using Escalation.Core.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;

namespace Escalation.Data.Engine;

/// <summary>
/// Persists a <see cref="Transition"/> inside the caller's transaction: the escalation's new state, stage records,
/// history, timers and one outbox row per recipient (through <see cref="OutboxWriter"/>). Hand-written, prepared SQL,
/// because the dispatcher writes thousands of these a second (P1); it is the only code that writes them, for raises,
/// people's moves and timers alike.
/// </summary>
internal sealed class TransitionWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _sql;
    private readonly Dictionary<string, PreparedCommand> _commands = [];
    private readonly OutboxWriter _outbox;

    // On PostgreSQL a move's effects, its mails included, go to the server as one batch: one round trip instead of one
    // for each of a dozen statements. P1 on PostgreSQL, 10,000 deadlines: 0.21x the raw SQL without it, 0.52x with it.
    // SQLite runs in the process, so there each statement simply runs (and Microsoft.Data.Sqlite has no batches).
    private DbBatch? _effects;

    public TransitionWriter(DbConnection connection, DbTransaction transaction, SqlDialect sql, string messageIdDomain)
    {
        _connection = connection;
        _transaction = transaction;
        _sql = sql;
        _outbox = new OutboxWriter(connection, transaction, sql, messageIdDomain);
    }

    /// <summary>Writes the new state if nobody else changed the escalation since <paramref name="before"/> was read.</summary>
    public async Task<bool> UpdateEscalationAsync(EscalationState before, EscalationState after, DateTimeOffset now, CancellationToken ct)
    {
        var closedAt = before.IsOpen && !after.IsOpen ? _sql.Instant(now) : null;
        var rows = await Command(
            "UPDATE escalations SET status = @p0, stage = @p1, highest_stage = @p2, stage_started_at = @p3, stage_due_at = @p4, " +
            "version = @p5, closed_at = COALESCE(@p6, closed_at) WHERE id = @p7 AND version = @p8", 9).ExecuteAsync(ct,
            SqlDialect.Enum(after.Status), after.Stage, after.HighestStage, _sql.Instant(after.StageStartedAt),
            _sql.Instant(after.StageDueAt), after.Version, closedAt, _sql.Id(after.Id), before.Version);
        return rows == 1;
    }

    /// <summary>Marks a claimed timer fired; false if it was no longer pending.</summary>
    public async Task<bool> MarkTimerAsync(long timerId, TimerState state, DateTimeOffset now, CancellationToken ct) =>
        await Command("UPDATE timers SET state = @p0, done_at = @p1, lease_owner = NULL, lease_until = NULL WHERE id = @p2 AND state = 'Pending'", 3)
            .ExecuteAsync(ct, SqlDialect.Enum(state), _sql.Instant(now), timerId) == 1;

    public async Task WriteEffectsAsync(Transition transition, Guid raiserId, Guid respondentId, Recipients recipients,
        DateTimeOffset now, CancellationToken ct)
    {
        var id = _sql.Id(transition.State.Id);
        if (transition.CancelPendingTimers)
        {
            // "state || ''" keeps SQLite off the (state, due_at) index, which on a database without statistics it would
            // otherwise choose, reading every pending timer for each move: quadratic when catching up thousands.
            await EffectAsync("UPDATE timers SET state = 'Cancelled', done_at = @p0 WHERE escalation_id = @p1 AND state || '' = 'Pending'", ct,
                _sql.Instant(now), id);
        }

        if (transition.StageLeft is { } left)
        {
            await EffectAsync("UPDATE stage_records SET left_at = @p0, left_how = @p1 WHERE escalation_id = @p2 AND stage = @p3 AND left_at IS NULL", ct,
                _sql.Instant(left.At), SqlDialect.Enum(left.How), id, left.Stage);
        }

        if (transition.StageEntered is { } entered)
        {
            await EffectAsync("INSERT INTO stage_records (escalation_id, stage, entered_at, due_at) VALUES (@p0, @p1, @p2, @p3)", ct,
                id, entered.Stage, _sql.Instant(entered.At), _sql.Instant(entered.DueAt));
        }

        foreach (var item in transition.History)
        {
            await EffectAsync("INSERT INTO history (escalation_id, at, type, stage, by_id, note) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", ct,
                id, _sql.Instant(item.At), SqlDialect.Enum(item.Type), item.Stage, _sql.Id(item.ById), SqlDialect.Text(item.Note));
        }

        foreach (var timer in transition.Timers)
        {
            await EffectAsync("INSERT INTO timers (escalation_id, kind, stage, due_at, state) VALUES (@p0, @p1, @p2, @p3, 'Pending')", ct,
                id, SqlDialect.Enum(timer.Kind), timer.Stage, _sql.Instant(timer.DueAt));
        }

        foreach (var mail in transition.Mails)
        {
            // A mail that leaves out its author (a response) names them: the payload holds their id, never any text.
            var payload = mail.Except is { } authorId ? $"{{\"authorId\":\"{authorId:D}\"}}" : null;
            foreach (var recipient in recipients.For(mail, raiserId, respondentId, transition.State.HighestStage))
            {
                var (_, values) = _outbox.Row(new OutboxMail(transition.State.Id, mail.TemplateKey, mail.Stage, recipient.PersonId,
                    recipient.Email, recipient.Name, SqlDialect.Enum(recipient.Audience), payload), now);
                await EffectAsync(OutboxWriter.InsertSql, ct, values);
            }
        }

        if (_effects is not null)
        {
            await using var batch = _effects;
            _effects = null;
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task EffectAsync(string sql, CancellationToken ct, params object?[] values)
    {
        if (!_connection.CanCreateBatch)
        {
            await Command(sql, values.Length).ExecuteAsync(ct, values);
            return;
        }

        if (_effects is null)
        {
            _effects = _connection.CreateBatch();
            _effects.Transaction = _transaction;
        }

        var command = _effects.CreateBatchCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        _effects.BatchCommands.Add(command);
    }

    private PreparedCommand Command(string sql, int parameterCount)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            _commands[sql] = command = new PreparedCommand(_connection, _transaction, sql, parameterCount);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_effects is not null)
            await _effects.DisposeAsync();

        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        await _outbox.DisposeAsync();
    }
}
