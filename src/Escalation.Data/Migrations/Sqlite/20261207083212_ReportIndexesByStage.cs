using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexesByStage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_stage_records_report_met",
                table: "stage_records");

            migrationBuilder.DropIndex(
                name: "IX_history_report_missed",
                table: "history");

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
        }
    }
}
