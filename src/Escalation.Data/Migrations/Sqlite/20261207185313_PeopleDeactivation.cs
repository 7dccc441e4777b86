using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Sqlite
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
            migrationBuilder.AddColumn<long>(
                name: "deactivated_at",
                table: "users",
                type: "INTEGER",
                nullable: true);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_user_updated;");
            migrationBuilder.Sql(UserUpdatedTrigger(" OR OLD.deactivated_at IS NOT NEW.deactivated_at"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_user_updated;");
            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "users");
            migrationBuilder.Sql(UserUpdatedTrigger(""));
        }

        private static string UserUpdatedTrigger(string alsoWatch) =>
            "CREATE TRIGGER directory_changed_user_updated AFTER UPDATE ON users WHEN " +
            "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email " +
            "OR OLD.agency_id IS NOT NEW.agency_id OR OLD.manager_id IS NOT NEW.manager_id" + alsoWatch +
            " BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;";
    }
}
