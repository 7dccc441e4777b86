using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: false),
                    child_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    child_age_years = table.Column<int>(type: "INTEGER", nullable: false),
                    answers = table.Column<string>(type: "TEXT", nullable: false),
                    age_band = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    required_actions = table.Column<string>(type: "TEXT", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    fraser_met = table.Column<bool>(type: "INTEGER", nullable: true),
                    actions_taken = table.Column<string>(type: "TEXT", nullable: false),
                    referred = table.Column<bool>(type: "INTEGER", nullable: false),
                    rationale = table.Column<string>(type: "TEXT", nullable: true),
                    consulted = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    consulted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    approver_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    review_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    assessed_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessments", x => x.id);
                    table.ForeignKey(
                        name: "FK_assessments_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assessments_users_approver_id",
                        column: x => x.approver_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assessments_users_assessed_by_id",
                        column: x => x.assessed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_reviews", x => x.id);
                    table.ForeignKey(
                        name: "FK_assessment_reviews_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_reviews_assessment_id",
                table: "assessment_reviews",
                column: "assessment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_reviews_state_due_at",
                table: "assessment_reviews",
                columns: new[] { "state", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_agency_id",
                table: "assessments",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "IX_assessments_approver_id",
                table: "assessments",
                column: "approver_id");

            migrationBuilder.CreateIndex(
                name: "IX_assessments_assessed_by_id",
                table: "assessments",
                column: "assessed_by_id");

            migrationBuilder.CreateIndex(
                name: "IX_assessments_child_reference",
                table: "assessments",
                column: "child_reference");

            migrationBuilder.CreateIndex(
                name: "IX_assessments_created_at",
                table: "assessments",
                column: "created_at");

            // An assessment is a permanent record: the database itself refuses to change or remove one.
            migrationBuilder.Sql(
                "CREATE TRIGGER assessments_never_updated BEFORE UPDATE ON assessments " +
                "BEGIN SELECT RAISE(ABORT, 'assessments are permanent: an assessment is never updated'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER assessments_never_deleted BEFORE DELETE ON assessments " +
                "BEGIN SELECT RAISE(ABORT, 'assessments are permanent: an assessment is never deleted'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS assessments_never_deleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS assessments_never_updated;");

            migrationBuilder.DropTable(
                name: "assessment_reviews");

            migrationBuilder.DropTable(
                name: "assessments");
        }
    }
}
