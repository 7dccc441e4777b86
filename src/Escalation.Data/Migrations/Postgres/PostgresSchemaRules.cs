using Microsoft.EntityFrameworkCore.Migrations;

namespace Escalation.Data.Migrations.Postgres;

/// <summary>The rules of <c>SqliteSchemaRules</c>, in PostgreSQL's words: permanent assessments and approvals, and the directory's version.</summary>
internal static class PostgresSchemaRules
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            "CREATE FUNCTION assessments_are_permanent() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
            "RAISE EXCEPTION 'assessments are permanent: an assessment is never %', " +
            "CASE TG_OP WHEN 'UPDATE' THEN 'updated' ELSE 'deleted' END; END; $$;");
        migrationBuilder.Sql(
            "CREATE TRIGGER assessments_never_updated BEFORE UPDATE ON assessments " +
            "FOR EACH ROW EXECUTE FUNCTION assessments_are_permanent();");
        migrationBuilder.Sql(
            "CREATE TRIGGER assessments_never_deleted BEFORE DELETE ON assessments " +
            "FOR EACH ROW EXECUTE FUNCTION assessments_are_permanent();");
        migrationBuilder.Sql(
            "CREATE FUNCTION assessment_approvals_are_permanent() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
            "IF TG_OP = 'UPDATE' AND OLD.status = 'Pending' THEN RETURN NEW; END IF; " +
            "RAISE EXCEPTION 'assessment approvals are permanent: a decided approval is never changed, and none is deleted'; END; $$;");
        migrationBuilder.Sql(
            "CREATE TRIGGER assessment_approvals_decided_once BEFORE UPDATE OR DELETE ON assessment_approvals " +
            "FOR EACH ROW EXECUTE FUNCTION assessment_approvals_are_permanent();");

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
            "OR OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.manager_id IS DISTINCT FROM NEW.manager_id " +
            "OR OLD.deactivated_at IS DISTINCT FROM NEW.deactivated_at) EXECUTE FUNCTION directory_changed();");
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
}
