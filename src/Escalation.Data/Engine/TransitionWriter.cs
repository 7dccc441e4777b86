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
    private readonly List<(int Index, string What)> _mustChangeOne = [];

    public TransitionWriter(DbConnection connection, DbTransaction transaction, SqlDialect sql, string messageIdDomain)
    {
        _connection = connection;
        _transaction = transaction;
        _sql = sql;
        _outbox = new OutboxWriter(connection, transaction, sql, messageIdDomain);
    }

    private const string UpdateEscalationSql =
        "UPDATE escalations SET status = @p0, stage = @p1, highest_stage = @p2, stage_started_at = @p3, stage_due_at = @p4, " +
        "version = @p5, closed_at = COALESCE(@p6, closed_at) WHERE id = @p7 AND version = @p8";

    private const string MarkTimerSql =
        "UPDATE timers SET state = @p0, done_at = @p1, lease_owner = NULL, lease_until = NULL WHERE id = @p2 AND state = 'Pending'";

    /// <summary>Writes the new state if nobody else changed the escalation since <paramref name="before"/> was read.</summary>
    public async Task<bool> UpdateEscalationAsync(EscalationState before, EscalationState after, DateTimeOffset now, CancellationToken ct) =>
        await Command(UpdateEscalationSql, 9).ExecuteAsync(ct, UpdateValues(before, after, now)) == 1;

    /// <summary>Marks a claimed timer fired or cancelled; false if it was no longer pending.</summary>
    public async Task<bool> MarkTimerAsync(long timerId, TimerState state, DateTimeOffset now, CancellationToken ct) =>
        await Command(MarkTimerSql, 3).ExecuteAsync(ct, SqlDialect.Enum(state), _sql.Instant(now), timerId) == 1;

    /// <summary>
    /// Writes a due timer's move: the escalation's new state, the timer marked fired, and the move's effects (on
    /// PostgreSQL all in the one batch). The claim holds the timer and its escalation, so each update must change
    /// exactly one row; anything else throws, and the timers' batch is undone.
    /// </summary>
    public async Task WriteTimerMoveAsync(long timerId, EscalationState before, Transition transition, Guid raiserId, Guid respondentId,
        Recipients recipients, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transition);
        await EffectAsync(UpdateEscalationSql, $"escalation {before.Id} (version {before.Version})", ct, UpdateValues(before, transition.State, now));
        await EffectAsync(MarkTimerSql, $"timer {timerId}", ct, SqlDialect.Enum(TimerState.Fired), _sql.Instant(now), timerId);
        await WriteEffectsAsync(transition, raiserId, respondentId, recipients, now, ct);
    }

    private object?[] UpdateValues(EscalationState before, EscalationState after, DateTimeOffset now) =>
    [
        SqlDialect.Enum(after.Status), after.Stage, after.HighestStage, _sql.Instant(after.StageStartedAt), _sql.Instant(after.StageDueAt),
        after.Version, before.IsOpen && !after.IsOpen ? _sql.Instant(now) : null, _sql.Id(after.Id), before.Version,
    ];

    public async Task WriteEffectsAsync(Transition transition, Guid raiserId, Guid respondentId, Recipients recipients,
        DateTimeOffset now, CancellationToken ct)
    {
        var id = _sql.Id(transition.State.Id);
        if (transition.CancelPendingTimers)
        {
            // "state || ''" keeps SQLite off the (state, due_at) index, which on a database without statistics it would
            // otherwise choose, reading every pending timer for each move: quadratic when catching up thousands.
            await EffectAsync("UPDATE timers SET state = 'Cancelled', done_at = @p0 WHERE escalation_id = @p1 AND state || '' = 'Pending'", null, ct,
                _sql.Instant(now), id);
        }

        if (transition.StageLeft is { } left)
        {
            await EffectAsync("UPDATE stage_records SET left_at = @p0, left_how = @p1 WHERE escalation_id = @p2 AND stage = @p3 AND left_at IS NULL", null, ct,
                _sql.Instant(left.At), SqlDialect.Enum(left.How), id, left.Stage);
        }

        if (transition.StageEntered is { } entered)
        {
            await EffectAsync("INSERT INTO stage_records (escalation_id, stage, entered_at, due_at) VALUES (@p0, @p1, @p2, @p3)", null, ct,
                id, entered.Stage, _sql.Instant(entered.At), _sql.Instant(entered.DueAt));
        }

        foreach (var item in transition.History)
        {
            await EffectAsync("INSERT INTO history (escalation_id, at, type, stage, by_id, note) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", null, ct,
                id, _sql.Instant(item.At), SqlDialect.Enum(item.Type), item.Stage, _sql.Id(item.ById), SqlDialect.Text(item.Note));
        }

        foreach (var timer in transition.Timers)
        {
            await EffectAsync("INSERT INTO timers (escalation_id, kind, stage, due_at, state) VALUES (@p0, @p1, @p2, @p3, 'Pending')", null, ct,
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
                await EffectAsync(OutboxWriter.InsertSql, null, ct, values);
            }
        }

        if (_effects is not null)
        {
            await using var batch = _effects;
            _effects = null;
            await batch.ExecuteNonQueryAsync(ct);
            foreach (var (index, what) in _mustChangeOne)
                ChangedOne(batch.BatchCommands[index].RecordsAffected, what);
            _mustChangeOne.Clear();
        }
    }

    /// <summary>Runs or queues one statement; with <paramref name="mustChangeOne"/>, it must change exactly that one row.</summary>
    private async Task EffectAsync(string sql, string? mustChangeOne, CancellationToken ct, params object?[] values)
    {
        if (!_connection.CanCreateBatch)
        {
            var rows = await Command(sql, values.Length).ExecuteAsync(ct, values);
            if (mustChangeOne is not null)
                ChangedOne(rows, mustChangeOne);
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

        if (mustChangeOne is not null)
            _mustChangeOne.Add((_effects.BatchCommands.Count, mustChangeOne));
        _effects.BatchCommands.Add(command);
    }

    private static void ChangedOne(int rows, string what)
    {
        if (rows != 1)
            throw new InvalidOperationException($"The {what} changed since it was claimed ({rows} rows written, not 1).");
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
