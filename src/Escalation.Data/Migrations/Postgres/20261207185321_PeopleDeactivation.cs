using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Postgres
{
    /// <summary>
    /// A person's <c>deactivated_at</c>. The directory snapshot reads it, so the trigger that moves the directory's
    /// version on when a person changes now watches it too (see migration DirectoryVersion).
    /// </summary>
    public partial class PeopleDeactivation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deactivated_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_user_updated ON users;");
            migrationBuilder.Sql(UserUpdatedTrigger(" OR OLD.deactivated_at IS DISTINCT FROM NEW.deactivated_at"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_user_updated ON users;");
            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "users");
            migrationBuilder.Sql(UserUpdatedTrigger(""));
        }

        private static string UserUpdatedTrigger(string alsoWatch) =>
            "CREATE TRIGGER directory_changed_user_updated AFTER UPDATE ON users FOR EACH ROW WHEN (" +
            "OLD.id IS DISTINCT FROM NEW.id OR OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email " +
            "OR OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.manager_id IS DISTINCT FROM NEW.manager_id" + alsoWatch +
            ") EXECUTE FUNCTION directory_changed();";
    }
}
