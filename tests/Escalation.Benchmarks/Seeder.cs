using Escalation.Core.Engine;
using Escalation.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Benchmarks;

/// <summary>One person of the seeded directory, with the ids as stored (upper-case TEXT).</summary>
internal sealed record SeedPerson(string Id, string Name, string Email, string AgencyId, string? ManagerId, string Role);

/// <summary>
/// Builds a fresh database file: migrated exactly as the host migrates it, a small directory, and N open escalations
/// at stage 1 of the standard track whose deadline timer is already due. Every database it builds is identical.
/// </summary>
internal static class Seeder
{
    /// <summary>"Now" for every run: a Tuesday in GMT, no bank holiday in sight.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Stage 1 began on Thursday 26 February; 5 working days later it was due, at 23:59:59 on 5 March.</summary>
    public static readonly DateTimeOffset StageStartedAt = new(2026, 2, 26, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset StageDueAt = new(2026, 3, 5, 23, 59, 59, TimeSpan.Zero);

    internal static readonly string[] AgencyNames = ["Children's Social Care", "Police", "Health", "School", "Safeguarding Partnership"];
    internal static readonly string[] AgencyKinds = ["ChildrensSocialCare", "Police", "Health", "School", "Other"];
    private static readonly int[] PractitionersPerAgency = [3, 3, 2, 2, 0];

    /// <summary>Creates, migrates and seeds the file; returns its connection string. With <paramref name="analyze"/>,
    /// runs ANALYZE afterwards, so the query planner has statistics (as PRAGMA optimize would give it).</summary>
    public static async Task<string> CreateAsync(string path, int count, bool analyze)
    {
        var connectionString = Sql.ConnectionString(path);
        var options = new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite(connectionString).Options;
        await using (var db = new SqliteEscalationDbContext(options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var people = SeedDirectory(connection, transaction);
        SeedEscalations(connection, transaction, people, count);
        await transaction.CommitAsync();
        if (analyze)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "ANALYZE";
            await command.ExecuteNonQueryAsync();
        }

        return connectionString;
    }

    /// <summary>The directory every database gets: 5 agencies and 20 people.</summary>
    public static IReadOnlyList<SeedPerson> People()
    {
        var people = new List<SeedPerson>();
        for (var a = 0; a < AgencyNames.Length; a++)
        {
            var agency = AgencyId(a);
            if (PractitionersPerAgency[a] == 0)
            {
                people.Add(Person(people.Count, "Board Officer", agency, null, Roles.BoardBusinessUnit));
                people.Add(Person(people.Count, "Board Chair", agency, null, Roles.BoardChair));
                continue;
            }

            people.Add(Person(people.Count, $"Senior {a}", agency, null, Roles.Senior));
            var manager = Person(people.Count, $"Manager {a}", agency, null, Roles.Manager);
            people.Add(manager);
            for (var p = 0; p < PractitionersPerAgency[a]; p++)
            {
                people.Add(Person(people.Count, $"Practitioner {a}.{p}", agency, manager.Id, Roles.Practitioner));
            }
        }

        return people;
    }

    private static List<SeedPerson> SeedDirectory(SqliteConnection connection, SqliteTransaction transaction)
    {
        using (var agencies = Sql.Prepare(connection, "INSERT INTO agencies (id, name, kind) VALUES (@p0, @p1, @p2)", 3))
        {
            for (var a = 0; a < AgencyNames.Length; a++)
            {
                Sql.Run(agencies, transaction, AgencyId(a), AgencyNames[a], AgencyKinds[a]);
            }
        }

        var roleIds = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var roles = Sql.Prepare(connection, "INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES (@p0, @p1, @p2, @p3)", 4))
        {
            for (var r = 0; r < Roles.All.Count; r++)
            {
                var id = Sql.Id(new Guid(0x20000000 + r, 0, 0, new byte[8]));
                roleIds[Roles.All[r]] = id;
                Sql.Run(roles, transaction, id, Roles.All[r], Roles.All[r].ToUpperInvariant(), id);
            }
        }

        var people = People().ToList();
        using var users = Sql.Prepare(connection,
            "INSERT INTO users (id, name, agency_id, manager_id, user_name, normalized_user_name, email, normalized_email, " +
            "email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, " +
            "access_failed_count) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p4, @p5, 1, @p0, @p0, 0, 0, 1, 0)", 6);
        using var userRoles = Sql.Prepare(connection, "INSERT INTO user_roles (user_id, role_id) VALUES (@p0, @p1)", 2);
        foreach (var person in people)
        {
            // Managers come before their practitioners, so the manager_id foreign key is always satisfied.
            Sql.Run(users, transaction, person.Id, person.Name, person.AgencyId, person.ManagerId, person.Email, person.Email.ToUpperInvariant());
            Sql.Run(userRoles, transaction, person.Id, roleIds[person.Role]);
        }

        return people;
    }

    private static void SeedEscalations(SqliteConnection connection, SqliteTransaction transaction, List<SeedPerson> people, int count)
    {
        var practitioners = people.Where(p => p.Role == Roles.Practitioner).ToList();
        var pairs = (from r in practitioners from s in practitioners where r.AgencyId != s.AgencyId select (Raiser: r, Respondent: s)).ToList();
        using var escalations = Sql.Prepare(connection,
            "INSERT INTO escalations (id, reference, policy_id, policy_version, track, status, stage, highest_stage, stage_started_at, " +
            "stage_due_at, raised_at, child_reference, child_age_years, category, level_of_need, raised_by_id, respondent_id, " +
            "raising_agency_id, receiving_agency_id, decision_challenged, decision_date, concern, desired_outcome, version) VALUES " +
            "(@p0, @p1, 'professional-differences', 1, 'Standard', 'Open', 1, 1, @p2, @p3, @p2, @p4, 9, 'drift', 3, @p5, @p6, @p7, @p8, " +
            "'Closing the case without a home visit', '2026-02-20', 'Agreed actions were not carried out.', 'A home visit this week.', 1)", 9);
        using var stages = Sql.Prepare(connection,
            "INSERT INTO stage_records (escalation_id, stage, entered_at, due_at) VALUES (@p0, 1, @p1, @p2)", 3);
        using var timers = Sql.Prepare(connection,
            "INSERT INTO timers (escalation_id, kind, stage, due_at, state) VALUES (@p0, 'Deadline', 1, @p1, 'Pending')", 2);
        var started = Sql.Instant(StageStartedAt);
        var due = Sql.Instant(StageDueAt);
        for (var i = 0; i < count; i++)
        {
            var id = EscalationId(i);
            var (raiser, respondent) = pairs[i % pairs.Count];
            Sql.Run(escalations, transaction, id, $"BEN-{i:D8}", started, due, $"CHILD-{i % 977:D4}",
                raiser.Id, respondent.Id, raiser.AgencyId, respondent.AgencyId);
            Sql.Run(stages, transaction, id, started, due);
            Sql.Run(timers, transaction, id, due);
        }
    }

    public static string EscalationId(int i) => Sql.Id(new Guid(i, 0, 0x7000, [0x80, 0, 0, 0, 0, 0, 0, 1]));

    internal static string AgencyId(int a) => Sql.Id(new Guid(0x10000000 + a, 0, 0, new byte[8]));

    private static SeedPerson Person(int index, string name, string agencyId, string? managerId, string role)
    {
        var email = name.ToLowerInvariant().Replace(' ', '.').Replace("'", string.Empty, StringComparison.Ordinal) + "@example.org";
        return new SeedPerson(Sql.Id(new Guid(0x30000000 + index, 0, 0, new byte[8])), name, email, agencyId, managerId, role);
    }
}
