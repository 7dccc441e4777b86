using Escalation.Data;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Tests.TestSupport;

/// <summary>
/// Rows of the directory as migration Initial made its tables, for migration tests that fill a database at an older
/// migration: later migrations add columns the current model would write.
/// </summary>
internal static class OldDirectoryRows
{
    public static EscalationDbContext Context(TestDatabase database) => database.IsSqlite
        ? new SqliteEscalationDbContext(new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite(database.ConnectionString).Options)
        : new PostgresEscalationDbContext(new DbContextOptionsBuilder<PostgresEscalationDbContext>().UseNpgsql(database.ConnectionString).Options);

    /// <summary>A Guid as the SQLite provider stores it.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    public static Task<int> AgencyAsync(EscalationDbContext db, bool sqlite, Guid id) => sqlite
        ? db.Database.ExecuteSqlAsync($"INSERT INTO agencies (id, name, kind) VALUES ({Text(id)}, 'Riverside Primary School', 'School')")
        : db.Database.ExecuteSqlAsync($"INSERT INTO agencies (id, name, kind) VALUES ({id}, 'Riverside Primary School', 'School')");

    public static Task<int> PersonAsync(EscalationDbContext db, bool sqlite, Guid id, string name, Guid agency)
    {
        var email = name.ToLowerInvariant().Replace(' ', '.') + "@example.org";
        var normalized = email.ToUpperInvariant();
        var stamp = Guid.NewGuid().ToString();
        return sqlite
            ? db.Database.ExecuteSqlAsync($"""
                INSERT INTO users (id, name, agency_id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                    security_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                VALUES ({Text(id)}, {name}, {Text(agency)}, {email}, {normalized}, {email}, {normalized}, 0, {stamp}, 0, 0, 0, 0)
                """)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO users (id, name, agency_id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                    security_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                VALUES ({id}, {name}, {agency}, {email}, {normalized}, {email}, {normalized}, false, {stamp}, false, false, false, 0)
                """);
    }
}
