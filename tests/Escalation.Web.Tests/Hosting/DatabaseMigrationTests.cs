using Escalation.Data;
using Escalation.Web.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Hosting;

/// <summary>The start-up schema check is cheap and exact: it skips the migrator only when nothing is missing.</summary>
public sealed class DatabaseMigrationTests
{
    [Fact]
    public async Task MigrationCheck_OnAMigratedDatabase_IsUpToDateAndTheModelHasNoPendingChanges()
    {
        using var host = new ApiHost();
        host.CreateClient().Dispose();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();

        Assert.True(await DatabaseMigration.IsUpToDateAsync(db, CancellationToken.None));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task MigrationCheck_WhenTheHistoryLacksTheLatestMigration_IsNotUpToDate()
    {
        using var host = new ApiHost();
        host.CreateClient().Dispose();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        await ForgetLatestMigrationAsync(db);

        Assert.False(await DatabaseMigration.IsUpToDateAsync(db, CancellationToken.None));
    }

    /// <summary>Removes the newest migration this build knows from the database's history table.</summary>
    internal static async Task ForgetLatestMigrationAsync(EscalationDbContext db)
    {
        var latest = db.Database.GetMigrations().Last();
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {latest}");
    }

    [Fact]
    public async Task MigrationCheck_OnAMissingDatabase_IsNotUpToDate()
    {
        var folder = Directory.CreateTempSubdirectory("escalation-migration-check-");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteEscalationDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder.FullName, "missing.db")};Pooling=False").Options;
            await using var db = new SqliteEscalationDbContext(options);

            Assert.False(await DatabaseMigration.IsUpToDateAsync(db, CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
