using System.Text;
using System.Text.Json.Nodes;
using Escalation.Reports.Rendering;
using Escalation.Web.Tests.Engine;
using Escalation.Web.Tests.TestSupport;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// The report's SQL differs between the providers (SQLite names its indexes and matches stage records by id range;
/// PostgreSQL joins and converts local dates itself). The same history made on both must give the same report.
/// </summary>
[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresBoardReportTests(TestPostgresFixture postgres)
{
    [Fact]
    public async Task SameHistoryOnPostgres_GivesTheSameReportAsOnSqlite()
    {
        using var onSqlite = new BoardReportDataset();
        await onSqlite.InitializeAsync();
        using var onPostgres = BoardReportDataset.On(await new PostgresTestDatabases(postgres.Server).CreateAsync());
        await onPostgres.InitializeAsync();

        var expected = Encoding.UTF8.GetString((await onSqlite.RenderAsync(ReportFormat.Json)).Content);
        var actual = Encoding.UTF8.GetString((await onPostgres.RenderAsync(ReportFormat.Json)).Content);

        Assert.Equal(5, JsonNode.Parse(actual)!["deadlines"]!["met"]!.GetValue<int>());
        Assert.Equal(expected, actual);
    }
}
