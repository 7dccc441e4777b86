
namespace Escalation.Cluster.Tests.Support;

/// <summary>One maildev and one throwaway PostgreSQL cluster for every cluster test; each run makes its own database.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public Maildev Maildev { get; private set; } = null!;

    public TestPostgres Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Maildev = await Maildev.StartAsync(bulk: true);
        Postgres = await TestPostgres.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Postgres is not null)
            await Postgres.DisposeAsync();
        if (Maildev is not null)
            await Maildev.DisposeAsync();
    }
}

/// <summary>The cluster tests run one after another: each already keeps both cores busy.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterGroup : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
