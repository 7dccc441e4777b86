namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>The integration test classes share one maildev and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MaildevGroup : ICollectionFixture<MaildevFixture>
{
    public const string Name = "maildev";
}
