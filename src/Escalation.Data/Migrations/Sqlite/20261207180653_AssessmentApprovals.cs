using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssessmentApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "rules",
                table: "assessments",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "assessment_approvals",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    approver_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_approvals", x => x.assessment_id);
                    table.ForeignKey(
                        name: "FK_assessment_approvals_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assessment_approvals_users_approver_id",
                        column: x => x.approver_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_approvals_approver_id_status",
                table: "assessment_approvals",
                columns: new[] { "approver_id", "status" });

            // Assessments stored before approvals were asked for may name a senior, who was never asked and never
            // confirmed. They are not shown as approved: each gets an approval still pending from that senior, who now
            // sees it among the assessments waiting for them. The assessments themselves are not changed.
            migrationBuilder.Sql(
                "INSERT INTO assessment_approvals (assessment_id, approver_id, status, requested_at) " +
                "SELECT id, approver_id, 'Pending', created_at FROM assessments WHERE approver_id IS NOT NULL;");

            // An approval is decided once and kept: the database refuses to change a decided one or remove any.
            migrationBuilder.Sql(
                "CREATE TRIGGER assessment_approvals_decided_once BEFORE UPDATE ON assessment_approvals WHEN OLD.status <> 'Pending' " +
                "BEGIN SELECT RAISE(ABORT, 'assessment approvals are permanent: a decided approval is never changed'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER assessment_approvals_never_deleted BEFORE DELETE ON assessment_approvals " +
                "BEGIN SELECT RAISE(ABORT, 'assessment approvals are permanent: an approval is never deleted'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS assessment_approvals_never_deleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS assessment_approvals_decided_once;");

            migrationBuilder.DropTable(
                name: "assessment_approvals");

            migrationBuilder.DropColumn(
                name: "rules",
                table: "assessments");
        }
    }
}
