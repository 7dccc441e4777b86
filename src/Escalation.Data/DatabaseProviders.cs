using Microsoft.Extensions.Configuration;

namespace Escalation.Data;

/// <summary>The databases the service runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file: the default, for one copy of the service.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: for one copy or several on the same database.</summary>
    Postgres,
}

public static class DatabaseProviders
{
    public const string ConfigurationKey = "Escalation:Database:Provider";

    /// <summary>
    /// Reads <c>Escalation:Database:Provider</c>, ignoring case: <c>Sqlite</c> (the default) or <c>Postgres</c>
    /// (<c>PostgreSQL</c> is accepted too). Anything else stops start-up with an error that names the key.
    /// </summary>
    public static DatabaseProvider FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Parse(configuration[ConfigurationKey]);
    }

    public static DatabaseProvider Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"{ConfigurationKey}: '{name}' is not a database this service knows; use 'Sqlite' (the default) or 'Postgres'."),
    };
}
