namespace Escalation.TestSupport;

/// <summary>
/// One cluster for every test class of a collection; each test makes its own database on it. xunit finds collection
/// definitions only in the test assembly itself, so each project using this fixture declares its own collection:
/// <c>[CollectionDefinition("postgres")] public sealed class PostgresGroup : ICollectionFixture&lt;TestPostgresFixture&gt;</c>.
/// </summary>
public sealed class TestPostgresFixture : IAsyncLifetime
{
    public TestPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestPostgres.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
