using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Postgres
{
    /// <summary>
    /// A version number for the directory (people, their roles and managers), moved on by the database itself at every
    /// change that the directory snapshot shows, so that each copy of the service can keep the snapshot in memory and
    /// learn with one small read whether it is still current. It starts at a random number, so that a snapshot cached
    /// from one database never passes for another's.
    /// </summary>
    public partial class DirectoryVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TABLE directory_version (id integer NOT NULL PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);");
            migrationBuilder.Sql(
                "INSERT INTO directory_version (id, version) VALUES (1, floor(random() * 1000000000000)::bigint);");
            migrationBuilder.Sql(
                "CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                "UPDATE directory_version SET version = version + 1 WHERE id = 1; RETURN NULL; END; $$;");
            migrationBuilder.Sql(
                "CREATE TRIGGER directory_changed_user_added_or_removed AFTER INSERT OR DELETE ON users " +
                "FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();");
            migrationBuilder.Sql(
                "CREATE TRIGGER directory_changed_user_updated AFTER UPDATE ON users FOR EACH ROW WHEN (" +
                "OLD.id IS DISTINCT FROM NEW.id OR OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email " +
                "OR OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.manager_id IS DISTINCT FROM NEW.manager_id) " +
                "EXECUTE FUNCTION directory_changed();");
            migrationBuilder.Sql(
                "CREATE TRIGGER directory_changed_user_roles AFTER INSERT OR UPDATE OR DELETE ON user_roles " +
                "FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();");
            migrationBuilder.Sql(
                "CREATE TRIGGER directory_changed_role_added_or_removed AFTER INSERT OR DELETE ON roles " +
                "FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();");
            migrationBuilder.Sql(
                "CREATE TRIGGER directory_changed_role_renamed AFTER UPDATE ON roles FOR EACH ROW WHEN (" +
                "OLD.id IS DISTINCT FROM NEW.id OR OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION directory_changed();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_role_renamed ON roles;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_role_added_or_removed ON roles;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_user_roles ON user_roles;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_user_updated ON users;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS directory_changed_user_added_or_removed ON users;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS directory_changed();");
            migrationBuilder.Sql("DROP TABLE IF EXISTS directory_version;");
        }
    }
}
