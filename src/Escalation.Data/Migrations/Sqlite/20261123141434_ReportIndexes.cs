using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_stage_records_report_met",
                table: "stage_records",
                columns: new[] { "escalation_id", "stage" },
                filter: "left_how IN ('Resolved', 'EscalatedByRaisingSide') AND left_at <= due_at");

            migrationBuilder.CreateIndex(
                name: "IX_history_report_missed",
                table: "history",
                columns: new[] { "escalation_id", "stage" },
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
    }
}
