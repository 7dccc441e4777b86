using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Escalation.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEscalationDbContext>
{
    public SqliteEscalationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// The same for PostgreSQL. <c>migrations add</c> never connects, so the connection string only has to parse:
/// <c>dotnet tool run dotnet-ef migrations add NAME --project src/Escalation.Data --context PostgresEscalationDbContext
/// --output-dir Migrations/Postgres</c>.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEscalationDbContext>
{
    public PostgresEscalationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEscalationDbContext>()
            .UseNpgsql("Host=localhost;Database=escalation_design_time").Options);
}
