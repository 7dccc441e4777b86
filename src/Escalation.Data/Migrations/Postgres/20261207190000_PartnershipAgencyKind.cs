using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Postgres
{
    /// <summary>
    /// The agency kind <c>Partnership</c>, for the safeguarding partnership's own agencies. The schema is unchanged (kinds
    /// are stored as text); the administration agency made at start-up and the demonstration partnership's own agency,
    /// stored before as <c>Other</c>, move to the new kind.
    /// </summary>
    public partial class PartnershipAgencyKind : Migration
    {
        private const string Names = "('Partnership administration', 'Westshire Safeguarding Children Partnership')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("UPDATE agencies SET kind = 'Partnership' WHERE kind = 'Other' AND name IN " + Names + ";");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("UPDATE agencies SET kind = 'Other' WHERE kind = 'Partnership';");
    }
}
