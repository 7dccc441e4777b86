using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EscalationAssessmentForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before this key, a link to an assessment that does not exist could be stored; no one could ever read it.
            migrationBuilder.Sql(
                "UPDATE escalations SET assessment_id = NULL WHERE assessment_id IS NOT NULL " +
                "AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.id = escalations.assessment_id);");

            migrationBuilder.CreateIndex(
                name: "IX_escalations_assessment_id",
                table: "escalations",
                column: "assessment_id");

            migrationBuilder.AddForeignKey(
                name: "FK_escalations_assessments_assessment_id",
                table: "escalations",
                column: "assessment_id",
                principalTable: "assessments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_escalations_assessments_assessment_id",
                table: "escalations");

            migrationBuilder.DropIndex(
                name: "IX_escalations_assessment_id",
                table: "escalations");
        }
    }
}
