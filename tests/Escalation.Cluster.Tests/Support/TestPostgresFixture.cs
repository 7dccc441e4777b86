namespace Escalation.Testing;

/// <summary>One cluster for every test class of the collection; each test makes its own database on it.</summary>
public sealed class TestPostgresFixture : IAsyncLifetime
{
    public TestPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestPostgres.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<TestPostgresFixture>
{
    public const string Name = "postgres";
}
