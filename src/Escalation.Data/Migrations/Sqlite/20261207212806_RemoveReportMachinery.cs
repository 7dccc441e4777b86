using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Sqlite
{
    /// <summary>
    /// The board report now counts with plain queries: drops the table <c>escalation_id_mismatches</c> and its triggers
    /// (migration <c>EscalationIdMismatches</c>) and the indexes that only its hand-written SQL read (<c>ReportIndexes</c>,
    /// <c>ReportIndexesByStage</c>).
    /// </summary>
    public partial class RemoveReportMachinery : Migration
    {
        // As in EscalationIdMismatches: the text a version 7 id made at NEW.raised_at (UTC ticks) begins with.
        private const string Prefix =
            "printf('%08X-%04X', ((NEW.raised_at - 621355968000000000) / 10000) >> 16, ((NEW.raised_at - 621355968000000000) / 10000) & 65535)";

        private const string Mismatch = "substr(NEW.id, 1, 13) IS NOT " + Prefix;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS escalation_id_mismatch_added;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS escalation_id_mismatch_changed;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS escalation_id_mismatch_removed;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS escalation_id_mismatches;");

            migrationBuilder.DropIndex(
                name: "IX_stage_records_report_met",
                table: "stage_records");

            migrationBuilder.DropIndex(
                name: "IX_history_report_missed",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_escalations_report_agency_pairs",
                table: "escalations");

            migrationBuilder.DropIndex(
                name: "IX_escalations_report_dimensions",
                table: "escalations");

            migrationBuilder.DropIndex(
                name: "IX_escalations_report_status_raised",
                table: "escalations");

            migrationBuilder.DropIndex(
                name: "IX_escalations_report_texts",
                table: "escalations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TABLE escalation_id_mismatches (escalation_id TEXT NOT NULL PRIMARY KEY, raised_at INTEGER NOT NULL);");
            migrationBuilder.Sql(
                "INSERT INTO escalation_id_mismatches (escalation_id, raised_at) SELECT id, raised_at FROM escalations AS NEW WHERE " + Mismatch + ";");
            migrationBuilder.Sql(
                "CREATE TRIGGER escalation_id_mismatch_added AFTER INSERT ON escalations WHEN " + Mismatch +
                " BEGIN INSERT OR REPLACE INTO escalation_id_mismatches (escalation_id, raised_at) VALUES (NEW.id, NEW.raised_at); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER escalation_id_mismatch_changed AFTER UPDATE OF id, raised_at ON escalations BEGIN" +
                " DELETE FROM escalation_id_mismatches WHERE escalation_id = OLD.id;" +
                " INSERT OR REPLACE INTO escalation_id_mismatches (escalation_id, raised_at) SELECT NEW.id, NEW.raised_at WHERE " + Mismatch + ";" +
                " END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER escalation_id_mismatch_removed AFTER DELETE ON escalations" +
                " BEGIN DELETE FROM escalation_id_mismatches WHERE escalation_id = OLD.id; END;");

            migrationBuilder.CreateIndex(
                name: "IX_stage_records_report_met",
                table: "stage_records",
                columns: new[] { "stage", "escalation_id" },
                filter: "left_how IN ('Resolved', 'EscalatedByRaisingSide') AND left_at <= due_at");

            migrationBuilder.CreateIndex(
                name: "IX_history_report_missed",
                table: "history",
                columns: new[] { "stage", "escalation_id" },
                filter: "type = 'DeadlineMissed'");

            migrationBuilder.CreateIndex(
                name: "IX_escalations_report_agency_pairs",
                table: "escalations",
                columns: new[] { "raising_agency_id", "receiving_agency_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "IX_escalations_report_dimensions",
                table: "escalations",
                columns: new[] { "status", "track", "outcome_kind", "highest_stage", "level_of_need", "category", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "IX_escalations_report_status_raised",
                table: "escalations",
                columns: new[] { "status", "raised_at", "closed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_escalations_report_texts",
                table: "escalations",
                columns: new[] { "outcome_learning", "outcome_good_practice", "raised_at" },
                filter: "outcome_learning IS NOT NULL OR outcome_good_practice IS NOT NULL");
        }
    }
}
