using System.Data.Common;

namespace Escalation.Data.Sql;

/// <summary>
/// The few differences the hand-written SQL must know between providers: how ids and instants are stored,
/// and how to claim rows so that two copies of the service never take the same one.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(isSqlite: true);
    public static readonly SqlDialect Postgres = new(isSqlite: false);

    private readonly bool _isSqlite;

    private SqlDialect(bool isSqlite) => _isSqlite = isSqlite;

    public bool IsSqlite => _isSqlite;

    /// <summary>
    /// Appended to a claiming SELECT (after its LIMIT): locks the rows of each of <paramref name="aliases"/> until the
    /// transaction ends, so other nodes skip them instead of waiting, and a node that dies releases them as its
    /// transaction rolls back. SQLite needs nothing: its write transaction already excludes every other writer.
    /// </summary>
    public string SkipLocked(params string[] aliases) =>
        _isSqlite ? string.Empty : $" FOR UPDATE OF {string.Join(", ", aliases)} SKIP LOCKED";

    // EF Core stores a Guid as upper-case TEXT on SQLite; Npgsql has a native uuid.
    public object Id(Guid id) => _isSqlite ? id.ToString().ToUpperInvariant() : id;

    public object Id(Guid? id) => id is { } value ? Id(value) : DBNull.Value;

    // SQLite cannot compare DateTimeOffset text, so instants are UTC ticks there (see SqliteEscalationDbContext).
    public object Instant(DateTimeOffset instant) => _isSqlite ? instant.UtcTicks : instant.ToUniversalTime();

    public object Instant(DateTimeOffset? instant) => instant is { } value ? Instant(value) : DBNull.Value;

    public static object Text(string? text) => (object?)text ?? DBNull.Value;

    public static string Enum<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString();

    public Guid ReadId(DbDataReader reader, int ordinal) =>
        _isSqlite ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);

    public DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        _isSqlite ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero) : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static TEnum ReadEnum<TEnum>(DbDataReader reader, int ordinal) where TEnum : struct, Enum =>
        System.Enum.Parse<TEnum>(reader.GetString(ordinal));
}

/// <summary>A prepared command whose parameters are set by position, reused for every row of a batch.</summary>
internal sealed class PreparedCommand : IAsyncDisposable
{
    private readonly DbCommand _command;

    public PreparedCommand(DbConnection connection, DbTransaction transaction, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _command.Parameters.Add(parameter);
        }
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
