using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Sqlite
{
    /// <summary>
    /// A version number for the directory (people, their roles and managers), moved on by the database itself at every
    /// change that the directory snapshot shows, so that a copy of the service can keep the snapshot in memory and
    /// learn with one small read whether it is still current. It starts at a random number, so that a snapshot cached
    /// from one database never passes for another's.
    /// </summary>
    public partial class DirectoryVersion : Migration
    {
        private static readonly string[] Triggers =
        [
            "directory_changed_user_added", "directory_changed_user_updated", "directory_changed_user_removed",
            "directory_changed_role_given", "directory_changed_role_moved", "directory_changed_role_taken",
            "directory_changed_role_added", "directory_changed_role_renamed", "directory_changed_role_removed",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TABLE directory_version (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);");
            migrationBuilder.Sql("INSERT INTO directory_version (id, version) VALUES (1, abs(random() % 1000000000000));");

            const string bump = "BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;";
            migrationBuilder.Sql($"CREATE TRIGGER directory_changed_user_added AFTER INSERT ON users {bump}");
            migrationBuilder.Sql(
                "CREATE TRIGGER directory_changed_user_updated AFTER UPDATE ON users WHEN " +
                "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email " +
                $"OR OLD.agency_id IS NOT NEW.agency_id OR OLD.manager_id IS NOT NEW.manager_id {bump}");
            migrationBuilder.Sql($"CREATE TRIGGER directory_changed_user_removed AFTER DELETE ON users {bump}");
            migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_given AFTER INSERT ON user_roles {bump}");
            migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_moved AFTER UPDATE ON user_roles {bump}");
            migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_taken AFTER DELETE ON user_roles {bump}");
            migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_added AFTER INSERT ON roles {bump}");
            migrationBuilder.Sql(
                $"CREATE TRIGGER directory_changed_role_renamed AFTER UPDATE ON roles WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name {bump}");
            migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_removed AFTER DELETE ON roles {bump}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            migrationBuilder.Sql("DROP TABLE IF EXISTS directory_version;");
        }
    }
}
