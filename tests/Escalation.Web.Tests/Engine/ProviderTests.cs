using Escalation.Data;
using Escalation.Data.Sql;
using Escalation.Web.Tests.Hosting;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary><c>Escalation:Database:Provider</c> chooses the database; its name is not case-sensitive.</summary>
public sealed class ProviderTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SQLITE", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("postgres", DatabaseProvider.Postgres)]
    [InlineData("PostgreSQL", DatabaseProvider.Postgres)]
    public void Provider_AnyCase_IsRecognised(string? name, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.Parse(name));

    [Fact]
    public void Provider_Unknown_StopsStartUpNamingTheKey()
    {
        using var host = new HostWithProvider("Oracle");

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var message = Messages(error);
        Assert.Contains("Escalation:Database:Provider", message, StringComparison.Ordinal);
        Assert.Contains("'Oracle'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_SqliteByDefault_ResolvesTheSqliteContextAndDialect()
    {
        using var host = new EngineHost(new FakeTimeProvider());
        host.CreateClient().Dispose();
        using var scope = host.Services.CreateScope();

        Assert.IsType<SqliteEscalationDbContext>(scope.ServiceProvider.GetRequiredService<EscalationDbContext>());
        Assert.Same(SqlDialect.Sqlite, scope.ServiceProvider.GetRequiredService<SqlDialect>());
    }

    [Fact]
    public async Task Context_UsedByOneRequestThenAnother_IsReusedWithNothingLeftOver()
    {
        using var engine = new EngineHost(new FakeTimeProvider());
        // The service's own background workers rent contexts from the same pool; running, one of them could take the
        // returned context before the second request does.
        using var host = engine.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            var workers = services.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationType?.Assembly.GetName().Name?.StartsWith("Escalation.", StringComparison.Ordinal) == true).ToList();
            foreach (var worker in workers)
                services.Remove(worker);
        }));
        host.CreateClient().Dispose();
        EscalationDbContext first;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            first.Agencies.Add(new Data.Entities.Agency { Id = Guid.NewGuid(), Name = "Never saved", Kind = Data.Entities.AgencyKind.Other });
            await first.Database.BeginTransactionAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();

            Assert.Same(first, second);
            Assert.Empty(second.ChangeTracker.Entries());
            Assert.Null(second.Database.CurrentTransaction);
            Assert.DoesNotContain(second.Agencies, a => a.Name == "Never saved");
        }
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
            messages.Add(e.Message);
        return string.Join(" | ", messages);
    }

    private sealed class HostWithProvider(string provider) : EscalationAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Escalation:Database:Provider", provider);
        }
    }
}

/// <summary>With <c>Postgres</c>, the host runs on Npgsql: the PostgreSQL context and dialect.</summary>
[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresProviderTests(TestPostgresFixture postgres)
{
    [Fact]
    public async Task Provider_Postgres_ResolvesThePostgresContextAndDialect()
    {
        using var host = new EngineHost(new FakeTimeProvider(), await PostgresTestDatabases.CreateAsync(postgres.Server));
        host.CreateClient().Dispose();
        using var scope = host.Services.CreateScope();

        Assert.IsType<PostgresEscalationDbContext>(scope.ServiceProvider.GetRequiredService<EscalationDbContext>());
        Assert.Same(SqlDialect.Postgres, scope.ServiceProvider.GetRequiredService<SqlDialect>());
    }

    [Fact]
    public async Task MigrationCheck_OnPostgres_ReadsTheHistoryAndSeesAMissingMigration()
    {
        using var host = new EngineHost(new FakeTimeProvider(), await PostgresTestDatabases.CreateAsync(postgres.Server));
        host.CreateClient().Dispose();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        Assert.True(await DatabaseMigration.IsUpToDateAsync(db, CancellationToken.None));

        await DatabaseMigrationTests.ForgetLatestMigrationAsync(db);

        Assert.False(await DatabaseMigration.IsUpToDateAsync(db, CancellationToken.None));
    }
}
