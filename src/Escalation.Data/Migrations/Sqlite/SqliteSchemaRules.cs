using Microsoft.EntityFrameworkCore.Migrations;

namespace Escalation.Data.Migrations.Sqlite;

/// <summary>
/// What the entity model cannot say, kept by the database itself (the same rules as <c>PostgresSchemaRules</c>):
/// assessments and decided approvals are permanent, and the directory carries a version number that moves on at every
/// change the directory snapshot shows, so a copy of the service can keep the snapshot in memory and learn with one
/// small read whether it is still current. The version starts at a random number, so that a snapshot cached from one
/// database never passes for another's. If the snapshot (<c>DirectorySnapshot</c>) ever reads a new column or table,
/// watch it here too, in a new migration.
/// </summary>
internal static class SqliteSchemaRules
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            "CREATE TRIGGER assessments_never_updated BEFORE UPDATE ON assessments " +
            "BEGIN SELECT RAISE(ABORT, 'assessments are permanent: an assessment is never updated'); END;");
        migrationBuilder.Sql(
            "CREATE TRIGGER assessments_never_deleted BEFORE DELETE ON assessments " +
            "BEGIN SELECT RAISE(ABORT, 'assessments are permanent: an assessment is never deleted'); END;");
        migrationBuilder.Sql(
            "CREATE TRIGGER assessment_approvals_decided_once BEFORE UPDATE ON assessment_approvals WHEN OLD.status <> 'Pending' " +
            "BEGIN SELECT RAISE(ABORT, 'assessment approvals are permanent: a decided approval is never changed'); END;");
        migrationBuilder.Sql(
            "CREATE TRIGGER assessment_approvals_never_deleted BEFORE DELETE ON assessment_approvals " +
            "BEGIN SELECT RAISE(ABORT, 'assessment approvals are permanent: an approval is never deleted'); END;");

        migrationBuilder.Sql(
            "CREATE TABLE directory_version (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);");
        migrationBuilder.Sql("INSERT INTO directory_version (id, version) VALUES (1, abs(random() % 1000000000000));");
        const string bump = "BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;";
        migrationBuilder.Sql($"CREATE TRIGGER directory_changed_user_added AFTER INSERT ON users {bump}");
        migrationBuilder.Sql(
            "CREATE TRIGGER directory_changed_user_updated AFTER UPDATE ON users WHEN " +
            "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email " +
            "OR OLD.agency_id IS NOT NEW.agency_id OR OLD.manager_id IS NOT NEW.manager_id " +
            $"OR OLD.deactivated_at IS NOT NEW.deactivated_at {bump}");
        migrationBuilder.Sql($"CREATE TRIGGER directory_changed_user_removed AFTER DELETE ON users {bump}");
        migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_given AFTER INSERT ON user_roles {bump}");
        migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_moved AFTER UPDATE ON user_roles {bump}");
        migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_taken AFTER DELETE ON user_roles {bump}");
        migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_added AFTER INSERT ON roles {bump}");
        migrationBuilder.Sql(
            $"CREATE TRIGGER directory_changed_role_renamed AFTER UPDATE ON roles WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name {bump}");
        migrationBuilder.Sql($"CREATE TRIGGER directory_changed_role_removed AFTER DELETE ON roles {bump}");
    }
}
