using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escalation.Data.Migrations.Sqlite
{
    /// <summary>
    /// The escalations whose id does not begin with the millisecond they were raised (a version 7 GUID made from
    /// their raised time), kept by the database itself at every insert, change of id or raised time, and removal. The
    /// board report matches stage records and history to a period by id range; it does so only for periods none of
    /// these escalations touch, and joins for the others. Normally the table is empty: the service makes every id from
    /// the instant it raises the escalation.
    /// </summary>
    public partial class EscalationIdMismatches : Migration
    {
        // The text a version 7 id made at NEW.raised_at (UTC ticks) begins with: its first 48 bits, Unix milliseconds, in hex.
        private const string Prefix =
            "printf('%08X-%04X', ((NEW.raised_at - 621355968000000000) / 10000) >> 16, ((NEW.raised_at - 621355968000000000) / 10000) & 65535)";

        private const string Mismatch = "substr(NEW.id, 1, 13) IS NOT " + Prefix;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TABLE escalation_id_mismatches (escalation_id TEXT NOT NULL PRIMARY KEY, raised_at INTEGER NOT NULL);");
            migrationBuilder.Sql(
                "INSERT INTO escalation_id_mismatches (escalation_id, raised_at) SELECT id, raised_at FROM escalations AS NEW WHERE " + Mismatch + ";");
            migrationBuilder.Sql(
                "CREATE TRIGGER escalation_id_mismatch_added AFTER INSERT ON escalations WHEN " + Mismatch +
                " BEGIN INSERT OR REPLACE INTO escalation_id_mismatches (escalation_id, raised_at) VALUES (NEW.id, NEW.raised_at); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER escalation_id_mismatch_changed AFTER UPDATE OF id, raised_at ON escalations BEGIN" +
                " DELETE FROM escalation_id_mismatches WHERE escalation_id = OLD.id;" +
                " INSERT OR REPLACE INTO escalation_id_mismatches (escalation_id, raised_at) SELECT NEW.id, NEW.raised_at WHERE " + Mismatch + ";" +
                " END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER escalation_id_mismatch_removed AFTER DELETE ON escalations" +
                " BEGIN DELETE FROM escalation_id_mismatches WHERE escalation_id = OLD.id; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS escalation_id_mismatch_added;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS escalation_id_mismatch_changed;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS escalation_id_mismatch_removed;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS escalation_id_mismatches;");
        }
    }
}
