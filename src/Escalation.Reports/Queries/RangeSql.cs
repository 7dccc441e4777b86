using System.Globalization;
using System.Text;

namespace Escalation.Reports.Queries;

/// <summary>
/// The SQL of the report for one period. Every query aggregates in the database (GROUP BY on small integer keys where it
/// can), and returns a few hundred rows at most, whatever the number of escalations.
/// <para>
/// Stage records and history are matched to the period without a join on SQLite, when <see cref="ByIdRange"/> holds:
/// escalation ids are version 7 GUIDs made from the instant the escalation was raised, stored as upper-case text, so the
/// escalations raised in a period are exactly those whose id falls in a range of text. <c>BoardReportQuery</c> checks
/// that this is so for the period's rows before relying on it, and joins otherwise.
/// </para>
/// </summary>
internal sealed class RangeSql(bool sqlite, bool fullScan, bool byIdRange, int months, LocalDayKeys days)
{
    public const string Start = "@start";
    public const string End = "@end";
    public const string IdLow = "@idlow";
    public const string IdHigh = "@idhigh";

    public bool ByIdRange => byIdRange;

    // When the period holds most escalations, a scan of the table beats a walk of the index and a lookup per row.
    private string Scan => sqlite && fullScan ? " NOT INDEXED" : string.Empty;

    private const string RaisedInPeriod = "raised_at >= " + Start + " AND raised_at < " + End;

    /// <summary>Escalations by month raised, status, track, outcome, highest stage and level of need (one integer), and category.</summary>
    public string Escalations() =>
        "SELECT " + Month("raised_at", "@m") + " * 10000000" +
        " + (CASE status WHEN 'Open' THEN 1 WHEN 'Resolved' THEN 2 WHEN 'Withdrawn' THEN 3 ELSE 0 END) * 1000000" +
        " + (CASE track WHEN 'Urgent' THEN 1 ELSE 0 END) * 100000" +
        " + (CASE outcome_kind WHEN 'DecisionChanged' THEN 1 WHEN 'DecisionUpheld' THEN 2 WHEN 'BoardDecision' THEN 3 ELSE 0 END) * 10000" +
        " + highest_stage * 100 + level_of_need AS k, category, COUNT(*) " +
        "FROM escalations" + Scan + " WHERE " + RaisedInPeriod + " GROUP BY k, category";

    public string AgencyPairs() =>
        "SELECT raising_agency_id, receiving_agency_id, COUNT(*) FROM escalations" + Scan +
        " WHERE " + RaisedInPeriod + " GROUP BY raising_agency_id, receiving_agency_id";

    /// <summary>Resolved escalations by (local date raised, local date resolved): the median is worked out from these pairs.</summary>
    public string ResolutionDays() =>
        "SELECT " + days.Expression("raised_at") + " AS r, " + days.Expression("closed_at") + " AS c, COUNT(*) FROM escalations" + Scan +
        " WHERE " + RaisedInPeriod + " AND status = 'Resolved' AND closed_at IS NOT NULL GROUP BY r, c";

    public string Texts() =>
        "SELECT outcome_learning, outcome_good_practice, COUNT(*) FROM escalations" + Scan + " WHERE " + RaisedInPeriod +
        " AND (outcome_learning IS NOT NULL OR outcome_good_practice IS NOT NULL) GROUP BY outcome_learning, outcome_good_practice";

    /// <summary>Stages left in time: resolved, or escalated by the raising side, by the due time.</summary>
    public string DeadlinesMet() => ByEscalation("stage_records", "s",
        "s.left_how IN ('Resolved', 'EscalatedByRaisingSide') AND s.left_at <= s.due_at", "s.stage");

    /// <summary>Deadlines missed: the permanent deadline-missed entries.</summary>
    public string DeadlinesMissed() => ByEscalation("history", "h", "h.type = 'DeadlineMissed'", "h.stage");

    public const string Assessments =
        "SELECT age_band, referred, COUNT(*) FROM assessments WHERE created_at >= " + Start + " AND created_at < " + End +
        " GROUP BY age_band, referred";

    /// <summary>Counts and checksums of the period's escalations, found by raised time and by id range, to prove <see cref="ByIdRange"/>.</summary>
    public const string CheckByRaisedAt =
        "SELECT COUNT(*), COALESCE(SUM(rowid), 0), COALESCE(SUM((rowid * 7919) % 1000003), 0) FROM escalations WHERE raised_at >= " + Start + " AND raised_at < " + End;

    public const string CheckById =
        "SELECT COUNT(*), COALESCE(SUM(rowid), 0), COALESCE(SUM((rowid * 7919) % 1000003), 0) FROM escalations WHERE id >= " + IdLow + " AND id < " + IdHigh;

    public const string LastRowId = "SELECT COALESCE(MAX(rowid), 0) FROM escalations";

    private string ByEscalation(string table, string alias, string condition, string stage)
    {
        if (byIdRange)
        {
            return "SELECT " + Month(alias + ".escalation_id", "@i") + " AS m, " + stage + " AS st, COUNT(*) FROM " + table + " " + alias + Scan +
                " WHERE " + alias + ".escalation_id >= " + IdLow + " AND " + alias + ".escalation_id < " + IdHigh + " AND " + condition +
                " GROUP BY m, st";
        }

        return "SELECT " + Month("e.raised_at", "@m") + " AS m, " + stage + " AS st, COUNT(*) FROM " + table + " " + alias +
            " JOIN escalations e ON e.id = " + alias + ".escalation_id WHERE e.raised_at >= " + Start + " AND e.raised_at < " + End +
            " AND " + condition + " GROUP BY m, st";
    }

    /// <summary>
    /// The index of the month of the period a value falls in, given parameters <c>{prefix}1 .. {prefix}(n-1)</c> holding
    /// where months 2 to n begin (instants, or id prefixes).
    /// </summary>
    private string Month(string column, string prefix)
    {
        if (months <= 1)
            return "0";
        var sql = new StringBuilder("(CASE");
        for (var i = 1; i < months; i++)
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {column} < {prefix}{i} THEN {i - 1}");
        return sql.Append(CultureInfo.InvariantCulture, $" ELSE {months - 1} END)").ToString();
    }
}
