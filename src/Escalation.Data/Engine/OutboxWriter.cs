using System.Data.Common;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Data.Engine;

/// <summary>
/// Writes outbox rows, inside the transaction of the change that causes them, so a mail is never lost nor sent for a
/// change that was undone. The only code that writes them: escalation moves (through <see cref="TransitionWriter"/>),
/// assessments, invitations, departures, password resets and board reports alike. One prepared INSERT, reused for
/// every row of a transaction, because a batch of deadlines writes thousands.
/// </summary>
public sealed class OutboxWriter : IAsyncDisposable
{
    private readonly SqlDialect _sql;
    private readonly string _messageIdDomain;
    private readonly PreparedCommand _insert;

    /// <summary>A writer in the context's current transaction; there must be one.</summary>
    public OutboxWriter(EscalationDbContext db, SqlDialect sql, EngineSettings settings)
        : this(db.Database.GetDbConnection(), (db.Database.CurrentTransaction ?? throw new InvalidOperationException(
            "An outbox row is written in the transaction of the change that causes it: begin that transaction first.")).GetDbTransaction(),
            sql, settings.MessageIdDomain)
    {
    }

    internal OutboxWriter(DbConnection connection, DbTransaction transaction, SqlDialect sql, string messageIdDomain)
    {
        _sql = sql;
        _messageIdDomain = messageIdDomain;
        _insert = new PreparedCommand(connection, transaction, InsertSql, 12);
    }

    /// <summary>
    /// Queues one mail and returns the row as stored. Its Message-Id is fixed here, so every retry of it carries the same one.
    /// </summary>
    public async Task<OutboxMessage> WriteAsync(OutboxMail mail, DateTimeOffset now, CancellationToken ct)
    {
        var (row, values) = Row(mail, now);
        await _insert.ExecuteAsync(ct, values);
        return row;
    }

    /// <summary>The statement <see cref="WriteAsync"/> runs, for a caller that sends it in a batch of its own.</summary>
    internal const string InsertSql =
        "INSERT INTO outbox (id, message_id, escalation_id, template_key, stage, recipient_person_id, recipient_email, recipient_name, " +
        "recipient_audience, payload, created_at, state, attempts, next_attempt_at) " +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, 'Pending', 0, @p11)";

    /// <summary>A mail's row, and the values of <see cref="InsertSql"/> that store it.</summary>
    internal (OutboxMessage Row, object?[] Values) Row(OutboxMail mail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Email);
        var id = Guid.CreateVersion7(now);
        var row = new OutboxMessage
        {
            Id = id,
            MessageId = $"{id:N}@{_messageIdDomain}",
            EscalationId = mail.EscalationId,
            TemplateKey = mail.TemplateKey,
            Stage = mail.Stage,
            RecipientPersonId = mail.PersonId,
            RecipientEmail = mail.Email,
            RecipientName = mail.Name,
            RecipientAudience = mail.Audience,
            Payload = mail.Payload,
            CreatedAt = now,
            State = OutboxState.Pending,
            NextAttemptAt = mail.SendAt ?? now,
        };
        return (row, [
            _sql.Id(row.Id), row.MessageId, _sql.Id(row.EscalationId), row.TemplateKey, row.Stage, _sql.Id(row.RecipientPersonId),
            row.RecipientEmail, row.RecipientName, row.RecipientAudience, SqlDialect.Text(row.Payload), _sql.Instant(row.CreatedAt),
            _sql.Instant(row.NextAttemptAt)]);
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}

/// <summary>
/// One mail to queue: what, for whom, and why (<paramref name="Audience"/>, e.g. <c>StageActors</c> or <c>Invitee</c>).
/// <paramref name="SendAt"/> delays it (a row is not sent before its next attempt time); null sends it now.
/// </summary>
public sealed record OutboxMail(
    Guid? EscalationId, string TemplateKey, int? Stage, Guid? PersonId, string Email, string Name, string Audience, string? Payload,
    DateTimeOffset? SendAt = null);
