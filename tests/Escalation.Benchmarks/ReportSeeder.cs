using System.Globalization;
using Escalation.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Benchmarks;

/// <summary>
/// Builds a database for the report benchmark: migrated as the host migrates it, 20 agencies (no GP, probation or voluntary
/// sector, so some kinds raise none), and N escalations raised evenly over the financial year 2025 to 2026 with the engine's
/// shape: version 7 ids made from the instant raised, one stage record per stage entered, history for raising, missed
/// deadlines, escalating and closing. Prepared inserts in one transaction; the same seed gives the same file.
/// </summary>
internal static class ReportSeeder
{
    public static readonly DateTimeOffset YearStart = new(2025, 3, 31, 23, 0, 0, TimeSpan.Zero); // 1 April 2025, 00:00 BST
    public static readonly DateTimeOffset YearEnd = new(2026, 3, 31, 23, 0, 0, TimeSpan.Zero);

    private static readonly string[] Kinds =
        ["ChildrensSocialCare", "Police", "Health", "School", "EarlyYears", "YouthService", "Housing", "Other"];
    private static readonly string[] Categories =
    [
        "below-threshold", "section-47", "strategy-discussion", "no-conference", "plan-decision", "step-down-or-closure",
        "information-sharing", "service-provision", "roles-and-responsibilities", "drift", "other",
    ];

    public static async Task<string> CreateAsync(string path, int count)
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
        return connectionString;
    }

    private static List<(string Person, string Agency)> SeedDirectory(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var agencies = Sql.Prepare(connection, "INSERT INTO agencies (id, name, kind) VALUES (@p0, @p1, @p2)", 3);
        using var users = Sql.Prepare(connection,
            "INSERT INTO users (id, name, agency_id, manager_id, user_name, normalized_user_name, email, normalized_email, " +
            "email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, " +
            "access_failed_count) VALUES (@p0, @p1, @p2, NULL, @p3, @p4, @p3, @p4, 1, @p0, @p0, 0, 0, 1, 0)", 5);
        var people = new List<(string, string)>();
        for (var a = 0; a < 20; a++)
        {
            var agency = Sql.Id(new Guid(0x10000000 + a, 0, 0, new byte[8]));
            Sql.Run(agencies, transaction, agency, $"Agency {a:D2}", Kinds[a % Kinds.Length]);
            var person = Sql.Id(new Guid(0x30000000 + a, 0, 0, new byte[8]));
            var email = $"practitioner{a}@example.org";
            Sql.Run(users, transaction, person, $"Practitioner {a}", agency, email, email.ToUpperInvariant());
            people.Add((person, agency));
        }

        return people;
    }

    private static void SeedEscalations(SqliteConnection connection, SqliteTransaction transaction, List<(string Person, string Agency)> people, int count)
    {
        using var escalations = Sql.Prepare(connection,
            "INSERT INTO escalations (id, reference, policy_id, policy_version, track, status, stage, highest_stage, stage_started_at, " +
            "stage_due_at, raised_at, closed_at, child_reference, child_age_years, category, level_of_need, raised_by_id, respondent_id, " +
            "raising_agency_id, receiving_agency_id, decision_challenged, decision_date, concern, desired_outcome, start_at_stage_reason, " +
            "outcome_kind, outcome_statement, outcome_learning, outcome_good_practice, version) VALUES " +
            "(@p0, @p1, 'professional-differences', 1, @p2, @p3, @p4, @p4, @p5, @p6, @p7, @p8, @p9, 12, @p10, @p11, @p12, @p13, @p14, @p15, " +
            "'Referral closed with no further action', '2025-03-01', 'Repeated disclosures at school about neglect at home.', " +
            "'A strategy discussion this week.', @p16, @p17, @p18, @p19, @p20, 3)", 21);
        using var stages = Sql.Prepare(connection,
            "INSERT INTO stage_records (escalation_id, stage, entered_at, due_at, left_at, left_how) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);
        using var history = Sql.Prepare(connection,
            "INSERT INTO history (escalation_id, at, type, stage, by_id, note) VALUES (@p0, @p1, @p2, @p3, @p4, NULL)", 5);
        var random = new Random(42);
        var span = (YearEnd - YearStart).Ticks;
        var day = TimeSpan.TicksPerDay;
        for (var i = 0; i < count; i++)
        {
            var raisedAt = YearStart.AddTicks(span / count * i + random.Next(0, 1000));
            var id = Sql.Id(Guid.CreateVersion7(raisedAt));
            var raiser = people[random.Next(people.Count)];
            var respondent = people[(people.IndexOf(raiser) + 1 + random.Next(people.Count - 1)) % people.Count];
            var roll = random.Next(100);
            var status = roll < 70 ? "Resolved" : roll < 80 ? "Withdrawn" : "Open";
            var start = random.Next(50) == 0 ? 3 : 1;
            var highest = Math.Max(start, random.Next(12) switch { < 7 => 1, < 10 => 2, < 11 => 3, _ => 4 });
            var urgent = random.Next(10) == 0;
            var outcome = status == "Resolved" ? (random.Next(3) switch { 0 => "DecisionChanged", 1 => "DecisionUpheld", _ => "BoardDecision" }) : null;
            var learning = outcome is not null && random.Next(4) == 0 ? $"Learning theme {random.Next(40)}" : null;
            var good = outcome is not null && random.Next(8) == 0 ? $"Good practice {random.Next(20)}" : null;

            var at = raisedAt;
            DateTimeOffset? closedAt = null;
            var stageRows = new List<object?[]>(4);
            var historyRows = new List<object?[]>(8) { new object?[] { id, Sql.Instant(at), "Raised", start, raiser.Person } };
            for (var stage = start; stage <= highest; stage++)
            {
                var due = at.AddTicks((urgent ? 1 : 5) * day);
                var last = stage == highest;
                var missed = random.Next(4) == 0;
                DateTimeOffset? left = null;
                string? how = null;
                if (!last)
                {
                    left = missed ? due.AddHours(8) : at.AddTicks(random.Next(1, 4) * day);
                    how = missed ? "EscalatedAtDeadline" : "EscalatedByRaisingSide";
                }
                else if (status != "Open")
                {
                    left = closedAt = at.AddTicks(random.Next(0, 9) * day + random.Next(0, 20) * TimeSpan.TicksPerHour);
                    how = status;
                }

                stageRows.Add([id, stage, Sql.Instant(at), Sql.Instant(due), left is { } l ? Sql.Instant(l) : null, how]);
                if (left is { } leftAt && leftAt > due)
                    historyRows.Add([id, Sql.Instant(due), "DeadlineMissed", stage, null]);
                if (!last)
                    historyRows.Add([id, Sql.Instant(left!.Value), "Escalated", stage + 1, missed ? null : raiser.Person]);
                at = left ?? at;
            }

            if (closedAt is { } closed)
                historyRows.Add([id, Sql.Instant(closed), status, highest, raiser.Person]);
            Sql.Run(escalations, transaction, id, "BEN-" + i.ToString("D8", CultureInfo.InvariantCulture), urgent ? "Urgent" : "Standard", status,
                highest, Sql.Instant(at), Sql.Instant(at.AddTicks(5 * day)), Sql.Instant(raisedAt), closedAt is { } c ? Sql.Instant(c) : null,
                "CHILD-" + (i % 9973).ToString("D4", CultureInfo.InvariantCulture), Categories[random.Next(Categories.Length)], random.Next(1, 5),
                raiser.Person, respondent.Person, raiser.Agency, respondent.Agency, start == 3 ? "High risk" : null, outcome,
                outcome is null ? null : "Agreed at the meeting.", learning, good);
            foreach (var row in stageRows)
                Sql.Run(stages, transaction, row);
            foreach (var row in historyRows)
                Sql.Run(history, transaction, row);
        }
    }
}
