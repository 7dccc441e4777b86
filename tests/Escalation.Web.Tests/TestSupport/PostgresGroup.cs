namespace Escalation.Web.Tests.TestSupport;

/// <summary>The PostgreSQL test classes share one throwaway cluster; each test makes its own database on it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<TestPostgresFixture>
{
    public const string Name = "postgres";
}
