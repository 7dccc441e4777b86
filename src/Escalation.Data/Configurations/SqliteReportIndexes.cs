using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Data.Configurations;

/// <summary>
/// Indexes the board report reads instead of its tables, on SQLite only. SQLite aggregates by sorting unless an index
/// already holds the rows in the order grouped, and it reads whole rows (with the free text) unless an index covers
/// the columns; each index here is narrow and either ordered as its query groups or filtered to the rows it counts.
/// PostgreSQL aggregates by hashing and needs none of them, so its writes do not pay for them.
/// The report names them in <c>INDEXED BY</c>, so a query never falls back to a scan of the table unnoticed.
/// </summary>
public static class SqliteReportIndexes
{
    /// <summary>Escalations by every dimension the report counts, then raised time: grouped without a sort.</summary>
    public const string Dimensions = "IX_escalations_report_dimensions";

    /// <summary>Escalations by raising and receiving agency, then raised time.</summary>
    public const string AgencyPairs = "IX_escalations_report_agency_pairs";

    /// <summary>Escalations by status and raised time, with the closed time: months, and days to resolution.</summary>
    public const string StatusRaised = "IX_escalations_report_status_raised";

    /// <summary>Only escalations with learning or good practice recorded.</summary>
    public const string Texts = "IX_escalations_report_texts";

    /// <summary>Only stages left in time (the same condition as the report's query, which SQLite needs to use it), by stage and escalation.</summary>
    public const string StagesMet = "IX_stage_records_report_met";

    /// <summary>Only deadline-missed history entries, by stage and escalation.</summary>
    public const string DeadlinesMissed = "IX_history_report_missed";

    public const string TextsFilter = "outcome_learning IS NOT NULL OR outcome_good_practice IS NOT NULL";
    public const string StagesMetFilter = "left_how IN ('Resolved', 'EscalatedByRaisingSide') AND left_at <= due_at";
    public const string DeadlinesMissedFilter = "type = 'DeadlineMissed'";

    public static void Apply(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<EscalationRecord>(e =>
        {
            e.HasIndex(x => new { x.Status, x.Track, x.OutcomeKind, x.HighestStage, x.LevelOfNeed, x.Category, x.RaisedAt }, Dimensions);
            e.HasIndex(x => new { x.RaisingAgencyId, x.ReceivingAgencyId, x.RaisedAt }, AgencyPairs);
            e.HasIndex(x => new { x.Status, x.RaisedAt, x.ClosedAt }, StatusRaised);
            e.HasIndex(x => new { x.OutcomeLearning, x.OutcomeGoodPractice, x.RaisedAt }, Texts).HasFilter(TextsFilter);
        });
        // Stage first: the report finds each stage with a seek and counts one range of escalation ids within it, so
        // it neither sorts nor reads the rows of other stages.
        builder.Entity<StageRecord>().HasIndex(x => new { x.Stage, x.EscalationId }, StagesMet).HasFilter(StagesMetFilter);
        builder.Entity<HistoryRecord>().HasIndex(x => new { x.Stage, x.EscalationId }, DeadlinesMissed).HasFilter(DeadlinesMissedFilter);
    }
}
