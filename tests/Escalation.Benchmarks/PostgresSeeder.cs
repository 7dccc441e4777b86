using System.Globalization;
using System.Text;
using Escalation.Core.Engine;
using Escalation.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Escalation.Benchmarks;

/// <summary>
/// <see cref="Seeder"/>'s database on PostgreSQL: migrated as the host migrates it, the same directory and the same N
/// due stage-1 deadlines (same ids, references and instants), the bulk rows loaded with COPY.
/// </summary>
internal static class PostgresSeeder
{
    public static async Task CreateAsync(string connectionString, int count)
    {
        var options = new DbContextOptionsBuilder<PostgresEscalationDbContext>().UseNpgsql(connectionString).Options;
        await using (var db = new PostgresEscalationDbContext(options))
            await db.Database.MigrateAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var a = 0; a < Seeder.AgencyNames.Length; a++)
            await ExecuteAsync(connection, "INSERT INTO agencies (id, name, kind) VALUES ($1, $2, $3)", Guid.Parse(Seeder.AgencyId(a)), Seeder.AgencyNames[a], Seeder.AgencyKinds[a]);
        var roleIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        for (var r = 0; r < Roles.All.Count; r++)
        {
            var id = new Guid(0x20000000 + r, 0, 0, new byte[8]);
            roleIds[Roles.All[r]] = id;
            await ExecuteAsync(connection, "INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES ($1, $2, $3, $4)",
                id, Roles.All[r], Roles.All[r].ToUpperInvariant(), id.ToString());
        }

        var people = Seeder.People();
        foreach (var person in people)
        {
            await ExecuteAsync(connection,
                "INSERT INTO users (id, name, agency_id, manager_id, user_name, normalized_user_name, email, normalized_email, " +
                "email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, " +
                "access_failed_count) VALUES ($1, $2, $3, $4, $5, $6, $5, $6, true, $7, $7, false, false, true, 0)",
                Guid.Parse(person.Id), person.Name, Guid.Parse(person.AgencyId), person.ManagerId is { } m ? Guid.Parse(m) : DBNull.Value,
                person.Email, person.Email.ToUpperInvariant(), person.Id);
            await ExecuteAsync(connection, "INSERT INTO user_roles (user_id, role_id) VALUES ($1, $2)", Guid.Parse(person.Id), roleIds[person.Role]);
        }

        var practitioners = people.Where(p => p.Role == Roles.Practitioner).ToList();
        var pairs = (from r in practitioners from s in practitioners where r.AgencyId != s.AgencyId select (Raiser: r, Respondent: s)).ToList();
        var started = Text(Seeder.StageStartedAt);
        var due = Text(Seeder.StageDueAt);
        await using (var escalations = await connection.BeginTextImportAsync(
            "COPY escalations (id, reference, policy_id, policy_version, track, status, stage, highest_stage, stage_started_at, stage_due_at, " +
            "raised_at, child_reference, child_age_years, category, level_of_need, raised_by_id, respondent_id, raising_agency_id, " +
            "receiving_agency_id, decision_challenged, decision_date, concern, desired_outcome, version) FROM STDIN"))
        {
            var line = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                var (raiser, respondent) = pairs[i % pairs.Count];
                line.Clear().AppendJoin('\t', Seeder.EscalationId(i), $"BEN-{i:D8}", "professional-differences", "1", "Standard", "Open", "1", "1",
                    started, due, started, $"CHILD-{i % 977:D4}", "9", "drift", "3", raiser.Id, respondent.Id, raiser.AgencyId, respondent.AgencyId,
                    "Closing the case without a home visit", "2026-02-20", "Agreed actions were not carried out.", "A home visit this week.", "1");
                await escalations.WriteLineAsync(line.ToString());
            }
        }

        await using (var stages = await connection.BeginTextImportAsync("COPY stage_records (escalation_id, stage, entered_at, due_at) FROM STDIN"))
        {
            for (var i = 0; i < count; i++)
                await stages.WriteLineAsync($"{Seeder.EscalationId(i)}\t1\t{started}\t{due}");
        }

        await using (var timers = await connection.BeginTextImportAsync("COPY timers (escalation_id, kind, stage, due_at, state) FROM STDIN"))
        {
            for (var i = 0; i < count; i++)
                await timers.WriteLineAsync($"{Seeder.EscalationId(i)}\tDeadline\t1\t{due}\tPending");
        }

        await transaction.CommitAsync();
        await ExecuteAsync(connection, "ANALYZE");
    }

    private static string Text(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "+00";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}
