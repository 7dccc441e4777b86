using Escalation.Data.Configurations;

namespace Escalation.Reports.Queries;

/// <summary>
/// The SQL of the report. Every query aggregates in the database and returns a few hundred rows at most, whatever the
/// number of escalations. Each reads one range of raised time (a month, or a whole period) given as parameters, so the
/// work splits into many small queries that run side by side.
/// <para>
/// On SQLite each query names the index it reads (<see cref="SqliteReportIndexes"/>): those indexes hold the rows in
/// the order grouped, or only the rows counted, so no query sorts or reads a whole escalation. Stage records and
/// history are matched to a month without a join when <c>byIdRange</c> holds: escalation ids are version 7 GUIDs made
/// from the instant the escalation was raised, stored as upper-case text, so the escalations raised in a range are
/// exactly those whose id falls in a range of text. <c>BoardReportQuery</c> checks that this is so for the period's
/// rows, and counts again with the join if it is not.
/// </para>
/// </summary>
internal sealed class RangeSql(bool sqlite, LocalDayKeys days)
{
    public const string Start = "@start";
    public const string End = "@end";
    public const string PreviousStart = "@pstart";
    public const string PreviousEnd = "@pend";
    public const string IdLow = "@idlow";
    public const string IdHigh = "@idhigh";

    private const string InRange = "raised_at >= " + Start + " AND raised_at < " + End;
    private const string InPrevious = "raised_at >= " + PreviousStart + " AND raised_at < " + PreviousEnd;

    /// <summary>
    /// Escalations of the period and of the period before, in one pass, by status, track, outcome, highest stage and
    /// level of need (one integer, see <see cref="EscalationKey"/>) and category.
    /// </summary>
    public string Dimensions() =>
        "SELECT (CASE status WHEN 'Open' THEN 1 WHEN 'Resolved' THEN 2 WHEN 'Withdrawn' THEN 3 ELSE 0 END) * 1000000" +
        " + (CASE track WHEN 'Urgent' THEN 1 ELSE 0 END) * 100000" +
        " + (CASE outcome_kind WHEN 'DecisionChanged' THEN 1 WHEN 'DecisionUpheld' THEN 2 WHEN 'BoardDecision' THEN 3 ELSE 0 END) * 10000" +
        " + highest_stage * 100 + level_of_need AS k, category, " + BothPeriods +
        " FROM escalations" + Hint(SqliteReportIndexes.Dimensions) + " WHERE " + EitherPeriod +
        " GROUP BY status, track, outcome_kind, highest_stage, level_of_need, category";

    /// <summary>Escalations of the period and of the period before, by raising and receiving agency.</summary>
    public string AgencyPairs() =>
        "SELECT raising_agency_id, receiving_agency_id, " + BothPeriods +
        " FROM escalations" + Hint(SqliteReportIndexes.AgencyPairs) + " WHERE " + EitherPeriod +
        " GROUP BY raising_agency_id, receiving_agency_id";

    /// <summary>Escalations raised in the range, and those of them resolved.</summary>
    public string RaisedAndResolved() =>
        "SELECT (SELECT COUNT(*) FROM escalations WHERE " + InRange + "), " +
        "(SELECT COUNT(*) FROM escalations" + Hint(SqliteReportIndexes.StatusRaised) + " WHERE status = 'Resolved' AND " + InRange + ")";

    /// <summary>Escalations raised in the range and resolved, by (local date raised, local date resolved): the median is worked out from these pairs.</summary>
    public string ResolutionDays() =>
        "SELECT " + days.Expression("raised_at") + " AS r, " + days.Expression("closed_at") + " AS c, COUNT(*) FROM escalations" +
        Hint(SqliteReportIndexes.StatusRaised) + " WHERE status = 'Resolved' AND " + InRange + " AND closed_at IS NOT NULL GROUP BY r, c";

    public string Texts() =>
        "SELECT outcome_learning, outcome_good_practice, COUNT(*) FROM escalations" + Hint(SqliteReportIndexes.Texts) +
        " WHERE " + InRange + " AND (" + SqliteReportIndexes.TextsFilter + ") GROUP BY outcome_learning, outcome_good_practice";

    /// <summary>Stages left in time, of escalations raised in the range: resolved, or escalated by the raising side, by the due time.</summary>
    public string DeadlinesMet(bool byIdRange) =>
        ByStage("stage_records", SqliteReportIndexes.StagesMet, SqliteReportIndexes.StagesMetFilter,
            "x.left_how IN ('Resolved', 'EscalatedByRaisingSide') AND x.left_at <= x.due_at", byIdRange);

    /// <summary>Deadlines missed, of escalations raised in the range: the permanent deadline-missed entries.</summary>
    public string DeadlinesMissed(bool byIdRange) =>
        ByStage("history", SqliteReportIndexes.DeadlinesMissed, SqliteReportIndexes.DeadlinesMissedFilter, "x.type = 'DeadlineMissed'", byIdRange);

    public const string Assessments =
        "SELECT age_band, referred, COUNT(*) FROM assessments WHERE created_at >= " + Start + " AND created_at < " + End +
        " GROUP BY age_band, referred";

    /// <summary>Count and checksums of the escalations raised in the range, found by raised time and by id range, to prove the id range matches.</summary>
    public const string CheckByRaisedAt =
        "SELECT COUNT(*), COALESCE(SUM(rowid), 0), COALESCE(SUM((rowid * 7919) % 1000003), 0) FROM escalations WHERE " + InRange;

    public const string CheckById =
        "SELECT COUNT(*), COALESCE(SUM(rowid), 0), COALESCE(SUM((rowid * 7919) % 1000003), 0) FROM escalations WHERE id >= " + IdLow + " AND id < " + IdHigh;

    private const string BothPeriods =
        "SUM(CASE WHEN " + InRange + " THEN 1 ELSE 0 END), SUM(CASE WHEN " + InPrevious + " THEN 1 ELSE 0 END)";

    private const string EitherPeriod = "((" + InRange + ") OR (" + InPrevious + "))";

    /// <summary>
    /// <paramref name="condition"/> is the filter of the index, as written there (SQLite uses a filtered index only for a
    /// query whose condition contains the index's); <paramref name="joinedCondition"/> is the same with the table aliased.
    /// </summary>
    private string ByStage(string table, string index, string condition, string joinedCondition, bool byIdRange)
    {
        if (byIdRange)
        {
            return "SELECT stage, COUNT(*) FROM " + table + Hint(index) + " WHERE escalation_id >= " + IdLow + " AND escalation_id < " + IdHigh +
                " AND " + condition + " GROUP BY stage";
        }

        return "SELECT x.stage, COUNT(*) FROM " + table + " x JOIN escalations e ON e.id = x.escalation_id" +
            " WHERE e.raised_at >= " + Start + " AND e.raised_at < " + End + " AND " + joinedCondition +
            " GROUP BY x.stage";
    }

    private string Hint(string index) => sqlite ? " INDEXED BY \"" + index + "\"" : string.Empty;
}
