using Escalation.Data.Entities;
using Escalation.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Escalation.Web.Tests.Hosting;

/// <summary>
/// Migration PartnershipAgencyKind on a database that already holds agencies: the start-up administration agency and
/// the demonstration partnership's own agency move from <c>Other</c> to <c>Partnership</c>; every other agency keeps its kind.
/// </summary>
public sealed class PartnershipKindMigrationTests
{
    [Fact]
    public async Task Migration_OnADatabaseWithThePartnershipsAgenciesAsOther_MovesThemToPartnership() =>
        await TempSqliteFile.RunAsync(OldAgencies.CheckAsync);
}

[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresPartnershipKindMigrationTests(TestPostgresFixture postgres)
{
    [Fact]
    public async Task Migration_OnADatabaseWithThePartnershipsAgenciesAsOther_MovesThemToPartnership() =>
        await OldAgencies.CheckAsync(TestDatabase.Postgres(await postgres.Server.CreateDatabaseAsync()));
}

/// <summary>Three agencies stored as <c>Other</c> before the migration, then the migration, then their kinds.</summary>
internal static class OldAgencies
{
    public static async Task CheckAsync(TestDatabase database)
    {
        await using var db = OldDirectoryRows.Context(database);
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m[15..] == "PartnershipAgencyKind");
        await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
        db.Agencies.AddRange(
            new Agency { Id = Guid.NewGuid(), Name = "Partnership administration", Kind = AgencyKind.Other },
            new Agency { Id = Guid.NewGuid(), Name = "Westshire Safeguarding Children Partnership", Kind = AgencyKind.Other },
            new Agency { Id = Guid.NewGuid(), Name = "Westshire Faith Groups", Kind = AgencyKind.Other },
            new Agency { Id = Guid.NewGuid(), Name = "Riverside Primary School", Kind = AgencyKind.School });
        await db.SaveChangesAsync();

        await db.Database.MigrateAsync();

        db.ChangeTracker.Clear();
        var kinds = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Name, a.Kind }).ToListAsync();
        Assert.Equal(
            [("Partnership administration", AgencyKind.Partnership), ("Riverside Primary School", AgencyKind.School),
             ("Westshire Faith Groups", AgencyKind.Other), ("Westshire Safeguarding Children Partnership", AgencyKind.Partnership)],
            kinds.Select(k => (k.Name, k.Kind)));
    }
}
