using Escalation.Data;
using Escalation.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Tests.Engine;

/// <summary>Where the engine tests get a new, empty database: one implementation per provider.</summary>
public interface ITestDatabases
{
    Task<TestDatabase> CreateAsync();
}

/// <summary>SQLite files in a temporary folder of their own, deleted with it.</summary>
public sealed class SqliteTestDatabases : ITestDatabases, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("escalation-engine-");
    private int _count;

    public Task<TestDatabase> CreateAsync() =>
        Task.FromResult(TestDatabase.SqliteFile(Path.Combine(_folder.FullName, $"escalation-{Interlocked.Increment(ref _count)}.db")));

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS temp cleaner.
        }
    }
}

/// <summary>
/// Databases on the throwaway PostgreSQL cluster, each a copy of a template migrated once, so a test pays for
/// <c>CREATE DATABASE</c> only; the host still runs its own start-up (migrations find nothing to do, roles).
/// </summary>
public sealed class PostgresTestDatabases(TestPostgres server) : ITestDatabases
{
    public const string Template = "engine_template";

    public Task<TestDatabase> CreateAsync() => CreateAsync(server);

    public static async Task<TestDatabase> CreateAsync(TestPostgres server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var connectionString = await server.CreateDatabaseFromTemplateAsync(Template, async template =>
        {
            var options = new DbContextOptionsBuilder<PostgresEscalationDbContext>().UseNpgsql(template).Options;
            await using var db = new PostgresEscalationDbContext(options);
            await db.Database.MigrateAsync();
        });
        return TestDatabase.Postgres(connectionString);
    }
}
