using Escalation.Data.Sql;

namespace Escalation.Reports.Schedule;

/// <summary>
/// The durable timers of scheduled reports: one row per report to send, with its due time, fired once.
/// <para>
/// The table is created here, idempotently, because this project owns no migrations: the Data project's migrations
/// should adopt it (an entity <c>ReportTimer</c> with these columns and indexes) and this code then finds it present.
/// </para>
/// </summary>
internal static class ReportTimerTable
{
    public const string Name = "report_timers";

    public static IEnumerable<string> Create(SqlDialect sql)
    {
        var id = sql.IsSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
        var instant = sql.IsSqlite ? "INTEGER" : "timestamp with time zone";
        yield return
            $"CREATE TABLE IF NOT EXISTS {Name} (id {id}, kind TEXT NOT NULL, period_from TEXT NOT NULL, period_to TEXT NOT NULL, " +
            $"due_at {instant} NOT NULL, state TEXT NOT NULL, done_at {instant} NULL, CONSTRAINT ux_{Name}_kind_period UNIQUE (kind, period_from))";
        yield return $"CREATE INDEX IF NOT EXISTS ix_{Name}_state_due_at ON {Name} (state, due_at)";
    }
}
