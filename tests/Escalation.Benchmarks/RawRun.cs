using System.Diagnostics;
using Escalation.Core.Policies;
using Microsoft.Data.Sqlite;

namespace Escalation.Benchmarks;

/// <summary>
/// The baseline: the same writes per deadline as the engine, by hand, with prepared commands, 500 per transaction.
/// No transition table and no recipient resolution: the new stage's deadline and reminder are worked out once (every
/// escalation enters stage 2 at the same instant), and each party's line manager comes from a dictionary loaded once.
/// </summary>
internal static class RawRun
{
    private const string MissedNote = "The stage 1 (Practitioner) deadline passed without a resolution.";
    private const string EscalatedNote = "Moved up automatically when the deadline passed.";

    private sealed record Person(string Id, string Name, string Email, string? ManagerId);

    public static async Task<TimeSpan> RunAsync(string connectionString, DateTimeOffset dueAt, DateTimeOffset remindAt, int batchSize)
    {
        var now = Seeder.Now;
        var nowTicks = Sql.Instant(now);
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var people = LoadPeople(connection);

        // Same query as TimerProcessor.ClaimAsync; only the columns the writes need are read back.
        using var claim = Sql.Prepare(connection,
            "SELECT t.id, t.kind, t.stage, e.id, e.policy_id, e.policy_version, e.track, e.status, e.stage, e.highest_stage, " +
            "e.stage_started_at, e.stage_due_at, e.version, e.raised_by_id, e.respondent_id " +
            "FROM timers t JOIN escalations e ON e.id = t.escalation_id " +
            "WHERE t.state = 'Pending' AND t.due_at < @p0 AND (t.lease_until IS NULL OR t.lease_until < @p0) ORDER BY t.due_at, t.id LIMIT @p1", 2);
        using var markFired = Sql.Prepare(connection,
            "UPDATE timers SET state = 'Fired', done_at = @p0, lease_owner = NULL, lease_until = NULL WHERE id = @p1 AND state = 'Pending'", 2);
        using var updateEscalation = Sql.Prepare(connection,
            "UPDATE escalations SET status = 'Open', stage = @p0, highest_stage = @p1, stage_started_at = @p2, stage_due_at = @p3, " +
            "version = @p4 WHERE id = @p5 AND version = @p6", 7);
        // "+state" keeps SQLite's planner off IX_timers_state_due_at: with the plain "state = 'Pending'" (the engine's
        // writer) and no statistics it picks that index and reads every pending timer's row, once per deadline.
        using var cancelTimers = Sql.Prepare(connection,
            "UPDATE timers SET state = 'Cancelled', done_at = @p0 WHERE escalation_id = @p1 AND +state = 'Pending'", 2);
        using var leaveStage = Sql.Prepare(connection,
            "UPDATE stage_records SET left_at = @p0, left_how = 'EscalatedAtDeadline' WHERE escalation_id = @p1 AND stage = @p2 AND left_at IS NULL", 3);
        using var enterStage = Sql.Prepare(connection,
            "INSERT INTO stage_records (escalation_id, stage, entered_at, due_at) VALUES (@p0, @p1, @p2, @p3)", 4);
        using var history = Sql.Prepare(connection,
            "INSERT INTO history (escalation_id, at, type, stage, by_id, note) VALUES (@p0, @p1, @p2, @p3, NULL, @p4)", 5);
        using var timer = Sql.Prepare(connection,
            "INSERT INTO timers (escalation_id, kind, stage, due_at, state) VALUES (@p0, @p1, @p2, @p3, 'Pending')", 4);
        using var outbox = Sql.Prepare(connection,
            "INSERT INTO outbox (id, message_id, escalation_id, template_key, stage, recipient_person_id, recipient_email, recipient_name, " +
            "recipient_audience, payload, created_at, state, attempts, next_attempt_at) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, NULL, @p9, 'Pending', 0, @p9)", 10);

        var due = new List<(long TimerId, int Stage, string Id, int Version, string RaiserId, string RespondentId)>(batchSize);
        var recipients = new List<(Person Person, bool IsParty)>(4);
        while (true)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            due.Clear();
            claim.Transaction = transaction;
            claim.Parameters[0].Value = nowTicks;
            claim.Parameters[1].Value = batchSize;
            using (var reader = claim.ExecuteReader())
            {
                while (reader.Read())
                {
                    due.Add((reader.GetInt64(0), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(12), reader.GetString(13), reader.GetString(14)));
                }
            }

            if (due.Count == 0)
                break;

            foreach (var (timerId, stage, id, version, raiserId, respondentId) in due)
            {
                var next = stage + 1;
                // As the engine: the escalation first (a lost race leaves the timer pending), then the timer.
                if (Sql.Run(updateEscalation, transaction, next, next, nowTicks, Sql.Instant(dueAt), version + 1, id, version) != 1)
                    continue;
                if (Sql.Run(markFired, transaction, nowTicks, timerId) != 1)
                    throw new InvalidOperationException($"Timer {timerId} was no longer pending although it was claimed.");

                Sql.Run(cancelTimers, transaction, nowTicks, id);
                Sql.Run(leaveStage, transaction, nowTicks, id, stage);
                Sql.Run(enterStage, transaction, id, next, nowTicks, Sql.Instant(dueAt));
                Sql.Run(history, transaction, id, nowTicks, "DeadlineMissed", stage, MissedNote);
                Sql.Run(history, transaction, id, nowTicks, "Escalated", next, EscalatedNote);
                Sql.Run(timer, transaction, id, "Reminder", next, Sql.Instant(remindAt));
                Sql.Run(timer, transaction, id, "Deadline", next, Sql.Instant(dueAt));

                // The parties, then their line managers: the managers act at stage 2, the stage being entered.
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
                    WriteMail(outbox, transaction, now, id, "deadline-missed", stage, person, isParty ? Audience.Parties : Audience.NextStageActors);
                }
            }

            await transaction.CommitAsync();
        }

        return stopwatch.Elapsed;
    }

    private static void WriteMail(SqliteCommand outbox, SqliteTransaction transaction, DateTimeOffset now, string escalationId,
        string template, int stage, Person person, Audience audience)
    {
        var id = Guid.CreateVersion7(now);
        Sql.Run(outbox, transaction, Sql.Id(id), $"{id:N}@{EngineRun.MessageIdDomain}", escalationId, template, stage, person.Id,
            person.Email, person.Name, audience.ToString(), Sql.Instant(now));
    }

    private static void AddManager(List<(Person Person, bool IsParty)> recipients, Dictionary<string, Person> people, Person party)
    {
        if (party.ManagerId is { } managerId && people.TryGetValue(managerId, out var manager) && !recipients.Exists(r => r.Person.Id == managerId))
        {
            recipients.Add((manager, false));
        }
    }

    private static Dictionary<string, Person> LoadPeople(SqliteConnection connection)
    {
        using var command = Sql.Prepare(connection, "SELECT id, name, email, manager_id FROM users WHERE email IS NOT NULL", 0);
        using var reader = command.ExecuteReader();
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        while (reader.Read())
        {
            people[reader.GetString(0)] = new Person(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return people;
    }
}
