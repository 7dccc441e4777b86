using System.Data.Common;
using System.Globalization;
using System.Text;
using Escalation.Data.Sql;
using Microsoft.Data.Sqlite;

namespace Escalation.Benchmarks;

/// <summary>What a run left in its database, and whether it is what N fired deadlines must leave.</summary>
internal sealed record Verification(IReadOnlyList<string> Failures, string OutboxPerEscalation, string OutboxShape)
{
    public bool Ok => Failures.Count == 0;
}

/// <summary>Checks a database after a run: every escalation moved to stage 2 exactly once, with all its effects.</summary>
internal static class Verifier
{
    public static Verification Check(string connectionString, int count)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return Check(connection, SqlDialect.Sqlite, count);
    }

    /// <summary>The same checks on any provider's connection (the SQL is common to SQLite and PostgreSQL).</summary>
    public static Verification Check(DbConnection connection, SqlDialect dialect, int count)
    {
        var now = dialect.Instant(Seeder.Now);
        var failures = new List<string>();
        void Expect(string what, long expected, string sql, params object[] values)
        {
            var actual = Scalar(connection, sql, values);
            if (actual != expected)
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected}, found {actual}"));
        }

        Expect("escalations open at stage 2, version 2", count,
            "SELECT COUNT(*) FROM escalations WHERE status = 'Open' AND stage = 2 AND highest_stage = 2 AND version = 2 AND stage_started_at = @p0", now);
        Expect("escalations", count, "SELECT COUNT(*) FROM escalations");
        Expect("stage 1 records left at the deadline", count,
            "SELECT COUNT(*) FROM stage_records WHERE stage = 1 AND left_at = @p0 AND left_how = 'EscalatedAtDeadline'", now);
        Expect("stage 2 records entered", count, "SELECT COUNT(*) FROM stage_records WHERE stage = 2 AND entered_at = @p0 AND left_at IS NULL", now);
        Expect("stage records", 2L * count, "SELECT COUNT(*) FROM stage_records");
        Expect("history rows", 2L * count, "SELECT COUNT(*) FROM history");
        Expect("DeadlineMissed at stage 1", count, "SELECT COUNT(*) FROM history WHERE type = 'DeadlineMissed' AND stage = 1");
        Expect("Escalated to stage 2", count, "SELECT COUNT(*) FROM history WHERE type = 'Escalated' AND stage = 2");
        Expect("escalations with both history rows", count,
            "SELECT COUNT(*) FROM (SELECT escalation_id FROM history GROUP BY escalation_id HAVING COUNT(*) = 2) AS x");
        Expect("pending timers already due", 0, "SELECT COUNT(*) FROM timers WHERE state = 'Pending' AND due_at <= @p0", now);
        Expect("stage 1 deadlines fired", count, "SELECT COUNT(*) FROM timers WHERE kind = 'Deadline' AND stage = 1 AND state = 'Fired' AND done_at = @p0", now);
        Expect("stage 2 deadlines pending", count, "SELECT COUNT(*) FROM timers WHERE kind = 'Deadline' AND stage = 2 AND state = 'Pending'");
        Expect("stage 2 reminders pending", count, "SELECT COUNT(*) FROM timers WHERE kind = 'Reminder' AND stage = 2 AND state = 'Pending'");
        Expect("escalations with outbox rows", count, "SELECT COUNT(DISTINCT escalation_id) FROM outbox");
        Expect("outbox rows not pending", 0, "SELECT COUNT(*) FROM outbox WHERE state <> 'Pending' OR created_at <> @p0", now);

        var perEscalation = Rows(connection,
            "SELECT n, COUNT(*) FROM (SELECT COUNT(*) AS n FROM outbox GROUP BY escalation_id) AS x GROUP BY n ORDER BY n");
        if (perEscalation.Count != 1)
            failures.Add("outbox rows per escalation differ between escalations: " + string.Join(", ", perEscalation));

        var shape = Rows(connection,
            "SELECT template_key || '/' || stage || '/' || recipient_audience, COUNT(*) FROM outbox GROUP BY 1 ORDER BY 1");
        return new Verification(failures, string.Join(", ", perEscalation), string.Join(", ", shape));
    }

    /// <summary>"value x count" for each row of a two-column query.</summary>
    private static List<string> Rows(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(new StringBuilder().Append(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture))
                .Append(" x ").Append(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)).ToString());
        }

        return rows;
    }

    private static long Scalar(DbConnection connection, string sql, object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
