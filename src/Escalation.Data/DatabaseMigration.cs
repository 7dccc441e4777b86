using Microsoft.EntityFrameworkCore;
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
    /// Any doubt (no database yet, no history table, a query that fails) answers false, so the full path runs.
    /// </summary>
    internal static async Task<bool> IsUpToDateAsync(EscalationDbContext db, CancellationToken ct)
    {
        List<string> known;
        HashSet<string> applied;
        try
        {
            known = db.Database.GetMigrations().ToList();
            applied = new HashSet<string>(await db.Database.GetAppliedMigrationsAsync(ct), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database that does not exist yet (PostgreSQL) or cannot be read: MigrateAsync creates it or says why.
            return false;
        }

        return known.Count > 0 && known.All(applied.Contains);
    }
}
