using Escalation.Core.Policies;
using Escalation.Reports.Periods;
using Microsoft.Data.Sqlite;

namespace Escalation.Benchmarks;

/// <summary>
/// The hand-written SQL aggregate of the report's counts, for comparison: the contract's counts for the period and the year
/// before, written the plain way (GROUP BY on the columns, stage records and history joined to their escalation), run one
/// after another on one connection, reading the grouped rows and nothing more.
/// </summary>
internal static class Baseline
{
    internal sealed record Result(long Raised, long Resolved, long Open, long Withdrawn, long Urgent, long Stage3, long Met, long Missed, long PreviousRaised);

    private const string InPeriod = "raised_at >= @start AND raised_at < @end";

    private static readonly string[] Queries =
    [
        "SELECT status, track, highest_stage, outcome_kind, category, level_of_need, COUNT(*) FROM escalations WHERE " + InPeriod +
            " GROUP BY status, track, highest_stage, outcome_kind, category, level_of_need",
        "SELECT raising_agency_id, receiving_agency_id, COUNT(*) FROM escalations WHERE " + InPeriod + " GROUP BY raising_agency_id, receiving_agency_id",
        "SELECT s.stage, COUNT(*) FROM stage_records s JOIN escalations e ON e.id = s.escalation_id WHERE e." + InPeriod.Replace(" raised_at", " e.raised_at", StringComparison.Ordinal) +
            " AND s.left_how IN ('Resolved', 'EscalatedByRaisingSide') AND s.left_at <= s.due_at GROUP BY s.stage",
        "SELECT h.stage, COUNT(*) FROM history h JOIN escalations e ON e.id = h.escalation_id WHERE e." + InPeriod.Replace(" raised_at", " e.raised_at", StringComparison.Ordinal) +
            " AND h.type = 'DeadlineMissed' GROUP BY h.stage",
        "SELECT raised_at / 864000000000, closed_at / 864000000000, COUNT(*) FROM escalations WHERE " + InPeriod +
            " AND status = 'Resolved' GROUP BY raised_at / 864000000000, closed_at / 864000000000",
        "SELECT outcome_learning, outcome_good_practice, COUNT(*) FROM escalations WHERE " + InPeriod +
            " AND (outcome_learning IS NOT NULL OR outcome_good_practice IS NOT NULL) GROUP BY outcome_learning, outcome_good_practice",
        "SELECT age_band, referred, COUNT(*) FROM assessments WHERE created_at >= @start AND created_at < @end GROUP BY age_band, referred",
    ];

    public static async Task<Result> RunAsync(string connectionString, ReportPeriod period, PolicyCatalog catalog)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var now = await CountsAsync(connection, LocalInstants.Range(period, catalog.Calendar.TimeZone));
        var before = await CountsAsync(connection, LocalInstants.Range(period.Previous(), catalog.Calendar.TimeZone));
        return now with { PreviousRaised = before.Raised };
    }

    private static async Task<Result> CountsAsync(SqliteConnection connection, (DateTimeOffset Start, DateTimeOffset End) range)
    {
        long raised = 0, resolved = 0, open = 0, withdrawn = 0, urgent = 0, stage3 = 0, met = 0, missed = 0;
        for (var q = 0; q < Queries.Length; q++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Queries[q];
            command.Parameters.AddWithValue("@start", range.Start.UtcTicks);
            command.Parameters.AddWithValue("@end", range.End.UtcTicks);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var n = reader.GetInt64(reader.FieldCount - 1);
                switch (q)
                {
                    case 0:
                        raised += n;
                        var status = reader.GetString(0);
                        resolved += status == "Resolved" ? n : 0;
                        open += status == "Open" ? n : 0;
                        withdrawn += status == "Withdrawn" ? n : 0;
                        urgent += reader.GetString(1) == "Urgent" ? n : 0;
                        stage3 += reader.GetInt32(2) == 3 ? n : 0;
                        break;
                    case 2:
                        met += n;
                        break;
                    case 3:
                        missed += n;
                        break;
                }
            }
        }

        return new Result(raised, resolved, open, withdrawn, urgent, stage3, met, missed, 0);
    }
}
