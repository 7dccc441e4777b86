using Escalation.Core.Policies;

namespace Escalation.Core.Tests.Policies;

/// <summary>The <c>responded</c> notification (contract version 2): set by the default policy, optional in any other.</summary>
public class RespondedNotificationTests
{
    [Fact]
    public void Load_DefaultPolicy_RespondedTellsPartiesAndStageActors() =>
        Assert.Equal([Audience.Parties, Audience.StageActors],
            PolicyLoader.Load(PolicyTestData.DefaultPath).Notifications[NotificationEvent.Responded]);

    [Fact]
    public void Parse_PolicyWithoutResponded_LoadsAndTellsNoOne()
    {
        var json = PolicyTestData.Mutate(p => p["notifications"]!.AsObject().Remove("responded"));

        var policy = PolicyLoader.Parse(json, PolicyTestData.FileName, PolicyTestData.Schema);

        Assert.False(policy.Notifications.ContainsKey(NotificationEvent.Responded));
    }

    [Fact]
    public void Parse_RespondedWithUnknownAudience_RefusedNamingTheField()
    {
        var json = PolicyTestData.Mutate(p => p["notifications"]!["responded"] = new System.Text.Json.Nodes.JsonArray("the-author"));

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse(json, PolicyTestData.FileName, PolicyTestData.Schema));

        Assert.Contains("$.notifications.responded[0]", ex.Message, StringComparison.Ordinal);
    }
}
