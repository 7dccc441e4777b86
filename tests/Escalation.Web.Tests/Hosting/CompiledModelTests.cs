using Escalation.Data;
using Escalation.Data.CompiledModels.Postgres;
using Escalation.Data.CompiledModels.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Hosting;

/// <summary>
/// The service runs on models compiled ahead of time; each must describe exactly what the entity configurations build,
/// or a changed configuration would silently not apply.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void SqliteCompiledModel_MatchesTheModelBuiltFromTheConfigurations()
    {
        var options = new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite("Data Source=:memory:");
        using var built = new SqliteEscalationDbContext(options.Options);
        using var compiled = new SqliteEscalationDbContext(options.UseModel(SqliteEscalationDbContextModel.Instance).Options);

        AssertSame(built.Model, compiled.Model);
    }

    [Fact]
    public void PostgresCompiledModel_MatchesTheModelBuiltFromTheConfigurations()
    {
        var options = new DbContextOptionsBuilder<PostgresEscalationDbContext>().UseNpgsql("Host=localhost;Database=unused");
        using var built = new PostgresEscalationDbContext(options.Options);
        using var compiled = new PostgresEscalationDbContext(options.UseModel(PostgresEscalationDbContextModel.Instance).Options);

        AssertSame(built.Model, compiled.Model);
    }

    [Fact]
    public void TheServiceRegistration_UsesTheCompiledModel()
    {
        using var host = new Api.Support.ApiHost();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();

        Assert.Same(SqliteEscalationDbContextModel.Instance, db.Model);
    }

    // A context made without UseModel builds its model from OnModelCreating; one made with it initialises the compiled one.
    private static void AssertSame(IModel built, IModel compiled)
    {
        var expected = built.ToDebugString(MetadataDebugStringOptions.LongDefault);
        var actual = compiled.ToDebugString(MetadataDebugStringOptions.LongDefault);
        Assert.True(expected == actual,
            "The compiled model differs from the entity configurations: regenerate it (README, \"Changing the database model\").\n"
            + FirstDifference(expected, actual));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end)";
            var right = i < b.Length ? b[i] : "(end)";
            if (left != right)
                return $"line {i + 1}: configurations say '{left.Trim()}', compiled model says '{right.Trim()}'";
        }

        return "";
    }
}
