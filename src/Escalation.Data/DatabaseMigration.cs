using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Data;

/// <summary>Brings the schema up to date at start-up, cheaply when there is nothing to do.</summary>
public static class DatabaseMigration
{
    /// <summary>Brings the database schema up to date. Runs before the service takes any request.</summary>
    public static async Task MigrateEscalationDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        if (!await IsUpToDateAsync(db, ct))
            await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets pages read while the dispatcher writes; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// Whether every migration this build knows has been applied, read from the history table with one query.
    /// <c>MigrateAsync</c> on a database that is already up to date still takes the migrations lock, creates the
    /// history table if missing, and builds the model snapshot and diffs it against the model (its pending-model-changes
    /// check): over a third of a second and several MB of jitted code at every start. That check is kept by the
    /// tests (<c>MigrationTests</c>) and by every first start, which still goes through <c>MigrateAsync</c>.
    /// The history is read with plain SQL rather than <c>GetAppliedMigrationsAsync</c>, which builds a model of the
    /// history table through EF Core's whole convention set (hundreds of types, about 1.3 MB held for the life of the
    /// process; docs/benchmarks.md, P5).
    /// Any doubt (no database yet, no history table, a query that fails) answers false, so the full path runs.
    /// </summary>
    internal static async Task<bool> IsUpToDateAsync(EscalationDbContext db, CancellationToken ct)
    {
        List<string> known;
        HashSet<string> applied;
        try
        {
            known = db.Database.GetMigrations().ToList();
            applied = await ReadAppliedMigrationsAsync(db, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database that does not exist yet (PostgreSQL) or cannot be read: MigrateAsync creates it or says why.
            return false;
        }

        return known.Count > 0 && known.All(applied.Contains);
    }

    private static async Task<HashSet<string>> ReadAppliedMigrationsAsync(EscalationDbContext db, CancellationToken ct)
    {
        var relational = db.GetService<IDbContextOptions>().FindExtension<RelationalOptionsExtension>();
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(
            relational?.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, relational?.MigrationsHistoryTableSchema);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // The table name comes from the context's options, delimited by the provider; nothing a user typed.
            command.CommandText = $"SELECT {sql.DelimitIdentifier("MigrationId")} FROM {table}";
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                applied.Add(reader.GetString(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return applied;
    }
}
