using System.Data.Common;
using Escalation.Data.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Escalation.Cluster.Tests.Support;

/// <summary>
/// Seeds a migrated database straight with SQL: a small directory (two agencies, each with a manager and a
/// practitioner) and N open escalations at stage 1 of the standard track, each with its stage record and a pending
/// stage-1 deadline timer that fell due days before the service's clock starts. Prepared inserts, one transaction.
/// </summary>
public sealed class DueDeadlines(string provider, string connectionString)
{
    /// <summary>Where the service's clock starts: Tuesday 10 March 2026, 10:00 UTC (no bank holiday near).</summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Stage 1 began on Thursday 26 February and was due at the end of Thursday 5 March.</summary>
    public static readonly DateTimeOffset StageStartedAt = new(2026, 2, 26, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset StageDueAt = new(2026, 3, 5, 23, 59, 59, TimeSpan.Zero);

    public bool IsPostgres { get; } = string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public SqlDialect Sql => IsPostgres ? SqlDialect.Postgres : SqlDialect.Sqlite;

    public string Provider => provider;

    public string ConnectionString => connectionString;

    public async Task<DbConnection> OpenAsync()
    {
        // The test's own SQLite connections are not pooled, so it never holds the file open between its checks.
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Seeds <paramref name="count"/> due deadlines; the roles must exist (the service makes them at start-up).</summary>
    public async Task SeedAsync(int count)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var agencies = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        var practitioners = new Guid[2];
        await using (var agency = Prepare(connection, transaction, "INSERT INTO agencies (id, name, kind) VALUES (@p0, @p1, @p2)", 3))
        await using (var user = Prepare(connection, transaction,
            "INSERT INTO users (id, name, agency_id, manager_id, user_name, normalized_user_name, email, normalized_email, " +
            "email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, " +
            "access_failed_count) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p4, @p5, @p6, @p7, @p7, @p8, @p8, @p6, 0)", 9))
        await using (var role = Prepare(connection, transaction,
            "INSERT INTO user_roles (user_id, role_id) SELECT @p0, id FROM roles WHERE name = @p1", 2))
        {
            for (var a = 0; a < 2; a++)
            {
                await Run(agency, Sql.Id(agencies[a]), a == 0 ? "Riverside School" : "Children's Social Care", a == 0 ? "School" : "ChildrensSocialCare");
                var manager = Guid.CreateVersion7();
                practitioners[a] = Guid.CreateVersion7();
                foreach (var (id, name, managerId, roleName) in new[]
                         { (manager, $"Manager {a}", (Guid?)null, "Manager"), (practitioners[a], $"Practitioner {a}", manager, "Practitioner") })
                {
                    var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org";
                    await Run(user, Sql.Id(id), name, Sql.Id(agencies[a]), Sql.Id(managerId), email, email.ToUpperInvariant(), true,
                        Guid.NewGuid().ToString("N"), false);
                    await Run(role, Sql.Id(id), roleName);
                }
            }
        }

        await using (var escalation = Prepare(connection, transaction,
            "INSERT INTO escalations (id, reference, policy_id, policy_version, track, status, stage, highest_stage, stage_started_at, " +
            "stage_due_at, raised_at, child_reference, child_age_years, category, level_of_need, raised_by_id, respondent_id, " +
            "raising_agency_id, receiving_agency_id, decision_challenged, decision_date, concern, desired_outcome, version) VALUES " +
            "(@p0, @p1, 'professional-differences', 1, 'Standard', 'Open', 1, 1, @p2, @p3, @p2, @p4, 9, 'drift', 3, @p5, @p6, @p7, @p8, " +
            "'Case closed without a home visit', @p9, 'Agreed actions were not carried out.', 'A home visit this week.', 1)", 10))
        await using (var stage = Prepare(connection, transaction,
            "INSERT INTO stage_records (escalation_id, stage, entered_at, due_at) VALUES (@p0, 1, @p1, @p2)", 3))
        await using (var timer = Prepare(connection, transaction,
            "INSERT INTO timers (escalation_id, kind, stage, due_at, state) VALUES (@p0, 'Deadline', 1, @p1, 'Pending')", 2))
        {
            var started = Sql.Instant(StageStartedAt);
            var due = Sql.Instant(StageDueAt);
            var decided = new DateOnly(2026, 2, 20);
            for (var i = 0; i < count; i++)
            {
                var id = Sql.Id(Guid.CreateVersion7(StageStartedAt.AddTicks(i)));
                var raiser = i % 2;
                await Run(escalation, id, $"CLU-{i:D8}", started, due, $"CHILD-{i % 977:D4}", Sql.Id(practitioners[raiser]),
                    Sql.Id(practitioners[1 - raiser]), Sql.Id(agencies[raiser]), Sql.Id(agencies[1 - raiser]), decided);
                await Run(stage, id, started, due);
                await Run(timer, id, due);
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>One number from the database.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of a one-column query, as text.</summary>
    public async Task<List<string>> StringsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync();
    }
}
