using Escalation.Data.Entities;
using Escalation.Web.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>A raised escalation, stored by the prepared insert built from the model, read back through EF Core on SQLite.</summary>
public sealed class EscalationInsertTests() : EscalationInsertScenarios(new SqliteTestDatabases());

/// <summary>The same on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresEscalationInsertTests(TestPostgresFixture postgres) : EscalationInsertScenarios(new PostgresTestDatabases(postgres.Server));

public abstract class EscalationInsertScenarios(ITestDatabases databases) : IDisposable
{
    public void Dispose()
    {
        (databases as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RaisedEscalation_ReadBackThroughEfCore_HasEveryValueAsRaised()
    {
        // A late-evening raise in British Summer Time, with every optional field filled, so no column is left at a default.
        using var host = new EngineHost(new FakeTimeProvider(new DateTimeOffset(2026, 7, 14, 21, 47, 13, 517, TimeSpan.Zero)),
            await databases.CreateAsync());
        var people = await host.SeedAsync();
        var request = people.Raise(track: "urgent", startAtStage: 2, reason: "The manager is on leave until next month.") with
        {
            UrgentReason = "Missing overnight twice this week.",
            ChildAgeYears = 15,
            LevelOfNeed = 4,
            DecisionDate = new DateOnly(2026, 7, 10),
        };

        var raised = await host.RaiseAsync(people.Teacher, request);
        Assert.True(raised.Value is not null, $"the raise was refused: {raised.Status}");
        var written = raised.Value!;
        var read = await host.EscalationAsync(written.Id);

        foreach (var property in typeof(EscalationRecord).GetProperties())
            Assert.True(Equals(property.GetValue(written), property.GetValue(read)),
                $"{property.Name}: raised {property.GetValue(written)}, read back {property.GetValue(read)}");
        Assert.Equal(written.RaisedAt.UtcTicks, read.RaisedAt.UtcTicks);
        Assert.Equal("Missing overnight twice this week.", read.UrgentReason);
        Assert.Equal(2, read.Stage);
    }
}
