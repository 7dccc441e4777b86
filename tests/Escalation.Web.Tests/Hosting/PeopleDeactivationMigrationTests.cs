using Escalation.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Escalation.Web.Tests.Hosting;

/// <summary>Migration PeopleDeactivation on a database that already holds people: each is kept, and none has left.</summary>
public sealed class PeopleDeactivationMigrationTests
{
    [Fact]
    public async Task Migration_OnADatabaseWithPeople_KeepsThemAllActive() =>
        await TempSqliteFile.RunAsync(ExistingPeople.CheckAsync);
}

[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresPeopleDeactivationMigrationTests(TestPostgresFixture postgres)
{
    [Fact]
    public async Task Migration_OnADatabaseWithPeople_KeepsThemAllActive() =>
        await ExistingPeople.CheckAsync(TestDatabase.Postgres(await postgres.Server.CreateDatabaseAsync()));
}

internal static class ExistingPeople
{
    public static async Task CheckAsync(TestDatabase database)
    {
        var agency = Guid.NewGuid();
        var people = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using var db = OldDirectoryRows.Context(database);
        var migrations = db.Database.GetMigrations().ToList();
        var deactivation = migrations.FindIndex(m => m.EndsWith("_PeopleDeactivation", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[deactivation - 1]);
        await OldDirectoryRows.AgencyAsync(db, database.IsSqlite, agency);
        await OldDirectoryRows.PersonAsync(db, database.IsSqlite, people[0], "Tess Teacher", agency);
        await OldDirectoryRows.PersonAsync(db, database.IsSqlite, people[1], "Sam Senior", agency);

        await db.Database.MigrateAsync();

        var stored = await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync();
        Assert.Equal(["Sam Senior", "Tess Teacher"], stored.Select(u => u.Name));
        Assert.All(stored, u => Assert.Null(u.DeactivatedAt));
        Assert.All(stored, u => Assert.Equal(agency, u.AgencyId));
    }
}
