using System.Diagnostics;
using Escalation.Core.Policies;
using Npgsql;

namespace Escalation.Benchmarks;

/// <summary>
/// <see cref="RawRun"/> on PostgreSQL: the same claim (with FOR UPDATE ... SKIP LOCKED, as the engine claims there) and
/// the same writes per deadline, 500 deadlines per transaction, each transaction's writes sent as one NpgsqlBatch:
/// one round trip for the claim and one for the writes.
/// </summary>
internal static class PostgresRawRun
{
    private const string MissedNote = "The stage 1 (Practitioner) deadline passed without a resolution.";
    private const string EscalatedNote = "Moved up automatically when the deadline passed.";

    private sealed record Person(Guid Id, string Name, string Email, Guid? ManagerId);

    public static async Task<TimeSpan> RunAsync(string connectionString, DateTimeOffset dueAt, DateTimeOffset remindAt, int batchSize)
    {
        var now = Seeder.Now;
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var people = await LoadPeopleAsync(connection);
        var due = new List<(long TimerId, int Stage, Guid Id, int Version, Guid RaiserId, Guid RespondentId)>(batchSize);
        var recipients = new List<(Person Person, bool IsParty)>(4);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            due.Clear();
            await using (var claim = new NpgsqlCommand(
                "SELECT t.id, t.stage, e.id, e.version, e.raised_by_id, e.respondent_id " +
                "FROM timers t JOIN escalations e ON e.id = t.escalation_id " +
                "WHERE t.state = 'Pending' AND t.due_at < $1 AND (t.lease_until IS NULL OR t.lease_until < $1) ORDER BY t.due_at, t.id LIMIT $2 " +
                "FOR UPDATE OF t, e SKIP LOCKED", connection, transaction))
            {
                claim.Parameters.Add(new NpgsqlParameter { Value = now });
                claim.Parameters.Add(new NpgsqlParameter { Value = batchSize });
                await using var reader = await claim.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    due.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetGuid(2), reader.GetInt32(3), reader.GetGuid(4), reader.GetGuid(5)));
            }

            if (due.Count == 0)
                break;

            await using var batch = new NpgsqlBatch(connection, transaction);
            void Add(string sql, params object?[] values)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var value in values)
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                batch.BatchCommands.Add(command);
            }

            foreach (var (timerId, stage, id, version, raiserId, respondentId) in due)
            {
                var next = stage + 1;
                Add("UPDATE escalations SET status = 'Open', stage = $1, highest_stage = $2, stage_started_at = $3, stage_due_at = $4, " +
                    "version = $5 WHERE id = $6 AND version = $7", next, next, now, dueAt, version + 1, id, version);
                Add("UPDATE timers SET state = 'Fired', done_at = $1, lease_owner = NULL, lease_until = NULL WHERE id = $2 AND state = 'Pending'", now, timerId);
                Add("UPDATE timers SET state = 'Cancelled', done_at = $1 WHERE escalation_id = $2 AND state = 'Pending'", now, id);
                Add("UPDATE stage_records SET left_at = $1, left_how = 'EscalatedAtDeadline' WHERE escalation_id = $2 AND stage = $3 AND left_at IS NULL",
                    now, id, stage);
                Add("INSERT INTO stage_records (escalation_id, stage, entered_at, due_at) VALUES ($1, $2, $3, $4)", id, next, now, dueAt);
                Add("INSERT INTO history (escalation_id, at, type, stage, by_id, note) VALUES ($1, $2, $3, $4, NULL, $5)", id, now, "DeadlineMissed", stage, MissedNote);
                Add("INSERT INTO history (escalation_id, at, type, stage, by_id, note) VALUES ($1, $2, $3, $4, NULL, $5)", id, now, "Escalated", next, EscalatedNote);
                Add("INSERT INTO timers (escalation_id, kind, stage, due_at, state) VALUES ($1, $2, $3, $4, 'Pending')", id, "Reminder", next, remindAt);
                Add("INSERT INTO timers (escalation_id, kind, stage, due_at, state) VALUES ($1, $2, $3, $4, 'Pending')", id, "Deadline", next, dueAt);

                recipients.Clear();
                var raiser = people[raiserId];
                var respondent = people[respondentId];
                recipients.Add((raiser, true));
                recipients.Add((respondent, true));
                AddManager(recipients, people, raiser);
                AddManager(recipients, people, respondent);
                // One mail a person says both: the deadline was missed, and the escalation is now at the next stage.
                foreach (var (person, isParty) in recipients)
                {
                    var mailId = Guid.CreateVersion7(now);
                    Add("INSERT INTO outbox (id, message_id, escalation_id, template_key, stage, recipient_person_id, recipient_email, recipient_name, " +
                        "recipient_audience, payload, created_at, state, attempts, next_attempt_at) " +
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, 'Pending', 0, $10)",
                        mailId, $"{mailId:N}@{EngineRun.MessageIdDomain}", id, "deadline-missed", stage, person.Id, person.Email, person.Name,
                        (isParty ? Audience.Parties : Audience.NextStageActors).ToString(), now);
                }
            }

            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        return stopwatch.Elapsed;
    }

    private static void AddManager(List<(Person Person, bool IsParty)> recipients, Dictionary<Guid, Person> people, Person party)
    {
        if (party.ManagerId is { } managerId && people.TryGetValue(managerId, out var manager) && !recipients.Exists(r => r.Person.Id == managerId))
            recipients.Add((manager, false));
    }

    private static async Task<Dictionary<Guid, Person>> LoadPeopleAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT id, name, email, manager_id FROM users WHERE email IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var people = new Dictionary<Guid, Person>();
        while (await reader.ReadAsync())
        {
            people[reader.GetGuid(0)] = new Person(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3));
        }

        return people;
    }
}
