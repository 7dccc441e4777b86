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
/// exactly those whose id falls in a range of text. The database keeps the escalations for which that is not so in
/// <c>escalation_id_mismatches</c> (migration <c>EscalationIdMismatches</c>); <c>BoardReportQuery</c> counts a period
/// that any of them touches again with the join.
/// </para>
/// </summary>
internal sealed class RangeSql(bool sqlite, LocalDayKeys days)
{
    public const string Start = "@start";
    public const string End = "@end";
    public const string PreviousStart = "@pstart";
    public const string IdLow = "@idlow";
    public const string IdHigh = "@idhigh";

    /// <summary>The local-day keys the queries use.</summary>
    public LocalDayKeys Days => days;

    private const string InRange = "raised_at >= " + Start + " AND raised_at < " + End;

    // The period before always ends where the period starts, so the two together are one range of raised time.
    private const string EitherPeriod = "raised_at >= " + PreviousStart + " AND raised_at < " + End;

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

    /// <summary>
    /// Escalations raised in the range and resolved, by (local date raised, local date resolved): the median is worked
    /// out from these pairs. On SQLite the query returns every row's two instants, in index order, and the caller groups
    /// them (<see cref="LocalDayKeys.Key"/>): SQLite would group them by sorting, which took longer than the reading.
    /// </summary>
    public string ResolutionDays() => sqlite
        ? "SELECT raised_at, closed_at FROM escalations" + Hint(SqliteReportIndexes.StatusRaised) +
            " WHERE status = 'Resolved' AND " + InRange + " AND closed_at IS NOT NULL"
        : "SELECT " + days.Expression("raised_at") + " AS r, " + days.Expression("closed_at") + " AS c, COUNT(*) FROM escalations" +
            " WHERE status = 'Resolved' AND " + InRange + " AND closed_at IS NOT NULL GROUP BY r, c";

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

    /// <summary>
    /// The escalations whose id was not made from the instant they were raised, raised in the range or with an id in
    /// its id range: while there are none, the id range holds exactly the escalations raised in the range.
    /// </summary>
    public const string IdMismatches =
        "SELECT COUNT(*) FROM escalation_id_mismatches WHERE (" + InRange + ") OR (escalation_id >= " + IdLow + " AND escalation_id < " + IdHigh + ")";

    /// <summary>Of the rows of <see cref="EitherPeriod"/>, how many were raised in the period, and how many in the period before.</summary>
    private string BothPeriods => sqlite
        ? "SUM(raised_at >= " + Start + "), COUNT(*) - SUM(raised_at >= " + Start + ")"
        : "COUNT(*) FILTER (WHERE raised_at >= " + Start + "), COUNT(*) FILTER (WHERE raised_at < " + Start + ")";

    /// <summary>
    /// <paramref name="condition"/> is the filter of the index, as written there (SQLite uses a filtered index only for a
    /// query whose condition contains the index's); <paramref name="joinedCondition"/> is the same with the table aliased.
    /// </summary>
    private string ByStage(string table, string index, string condition, string joinedCondition, bool byIdRange)
    {
        if (byIdRange)
        {
            // Each stage present, found by a seek (a loose index scan), then the range of ids counted within that stage;
            // as GROUP BY would, only the stages with a count in the range are returned.
            var rows = table + Hint(index) + " WHERE " + condition;
            return "WITH RECURSIVE s(stage) AS (SELECT MIN(stage) FROM " + rows +
                " UNION ALL SELECT (SELECT MIN(stage) FROM " + rows + " AND stage > s.stage) FROM s WHERE s.stage IS NOT NULL)" +
                " SELECT stage, n FROM (SELECT stage, (SELECT COUNT(*) FROM " + rows + " AND stage = s.stage AND escalation_id >= " + IdLow +
                " AND escalation_id < " + IdHigh + ") AS n FROM s WHERE stage IS NOT NULL) WHERE n > 0";
        }

        return "SELECT x.stage, COUNT(*) FROM " + table + " x JOIN escalations e ON e.id = x.escalation_id" +
            " WHERE e.raised_at >= " + Start + " AND e.raised_at < " + End + " AND " + joinedCondition +
            " GROUP BY x.stage";
    }

    private string Hint(string index) => sqlite ? " INDEXED BY \"" + index + "\"" : string.Empty;
}
