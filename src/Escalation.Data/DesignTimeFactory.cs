using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Escalation.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEscalationDbContext>
{
    public SqliteEscalationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
