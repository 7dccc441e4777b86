using System.Diagnostics;
using System.Globalization;
using Escalation.Data.Sql;
using Microsoft.Data.Sqlite;

namespace Escalation.Benchmarks;

/// <summary>Small helpers for the hand-written SQL of the seeder, the raw baseline and the checks.</summary>
internal static class Sql
{
    /// <summary>A command with positional parameters @p0..@pN-1, prepared once and reused for every row.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, string text, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        for (var i = 0; i < parameterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter("@p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        return command;
    }

    /// <summary>When set (profile mode), <see cref="Run"/> adds each statement's time under its first words.</summary>
    public static Dictionary<string, (long Ticks, long Count)>? Timings { get; set; }

    public static int Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        var start = Timings is null ? 0 : Stopwatch.GetTimestamp();
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        var rows = command.ExecuteNonQuery();
        if (Timings is { } timings)
        {
            var key = command.CommandText[..Math.Min(32, command.CommandText.Length)];
            var elapsed = Stopwatch.GetTimestamp() - start;
            timings[key] = timings.TryGetValue(key, out var t) ? (t.Ticks + elapsed, t.Count + 1) : (elapsed, 1);
        }

        return rows;
    }

    public static long Scalar(SqliteConnection connection, string text, params object[] values)
    {
        using var command = Prepare(connection, text, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>As EF Core stores them on SQLite: upper-case TEXT.</summary>
    public static string Id(Guid id) => (string)SqlDialect.Sqlite.Id(id);

    /// <summary>As <c>SqliteEscalationDbContext</c> stores instants: UTC ticks.</summary>
    public static long Instant(DateTimeOffset instant) => instant.UtcTicks;

    /// <summary>Connection string for a database file; foreign keys on, as EF Core turns them on for its connections.</summary>
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true }.ToString();
}
