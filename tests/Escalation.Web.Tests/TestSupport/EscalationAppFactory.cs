using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Escalation.Web.Tests.TestSupport;

/// <summary>
/// Where a test host keeps its data: a provider (<c>Sqlite</c> or <c>Postgres</c>) and a connection string.
/// </summary>
public sealed record TestDatabase(string Provider, string ConnectionString)
{
    public static TestDatabase SqliteFile(string path) => new("Sqlite", $"Data Source={path};Pooling=False");

    public static TestDatabase Postgres(string connectionString) => new("Postgres", connectionString);

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The real web host on a temporary SQLite file of its own, deleted afterwards; or on a database it is given
/// (another host's SQLite file, or a PostgreSQL database).
/// </summary>
public class EscalationAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("escalation-web-tests-").FullName;

    public EscalationAppFactory()
        : this((string?)null)
    {
    }

    /// <param name="databasePath">Another host's database file, to share it; by default a new file of this host's own.</param>
    protected EscalationAppFactory(string? databasePath)
    {
        DatabasePath = databasePath ?? Path.Combine(_folder, "escalation.db");
        Database = TestDatabase.SqliteFile(DatabasePath);
    }

    /// <param name="database">The database to run on; a SQLite one is shared, not deleted.</param>
    protected EscalationAppFactory(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        DatabasePath = database.IsSqlite ? database.ConnectionString.Split(';')[0]["Data Source=".Length..] : string.Empty;
    }

    /// <summary>The SQLite file, when the host runs on SQLite; empty otherwise.</summary>
    public string DatabasePath { get; }

    public TestDatabase Database { get; }

    public IReadOnlyList<string> ExpectedReadyChecks { get; } = ["database", "policies"];

    /// <summary>
    /// Whether the host seeds as a newcomer's Development start does (the demo partnership into an empty database);
    /// by default it does not, because the tests bring their own people.
    /// </summary>
    protected virtual bool SeedsAsDevelopmentDoes => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (!SeedsAsDevelopmentDoes)
            builder.UseSetting("Escalation:Seed", "none");
        builder.UseSetting("Escalation:Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Escalation", Database.ConnectionString);
        builder.UseSetting("Escalation:Mail:PickupDirectory", Path.Combine(_folder, "mail"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by SQLite's pool is left to the OS temp cleaner.
            }
        }
    }
}
