using Escalation.Core.Policies;

namespace Escalation.Core.Tests.Policies;

public class PolicyDiagramTests
{
    private static readonly string Diagram =
        PolicyDiagram.ToMermaid(PolicyLoader.Parse(PolicyTestData.DefaultJson, PolicyTestData.FileName, PolicyTestData.Schema));

    [Fact]
    public void ToMermaid_DefaultPolicy_IsATopDownFlowchartWithANodePerStage()
    {
        Assert.StartsWith("flowchart TD\n", Diagram, StringComparison.Ordinal);
        Assert.Contains(
            "stage1[\"1. Practitioner<br/>who acts: the parties<br/>5 working days / urgent 1 working day\"]",
            Diagram, StringComparison.Ordinal);
        Assert.Contains("stage2[\"2. Manager<br/>who acts: their managers<br/>5 working days / urgent 1 working day\"]", Diagram, StringComparison.Ordinal);
        Assert.Contains("stage3[\"3. Senior<br/>who acts: senior managers<br/>", Diagram, StringComparison.Ordinal);
        Assert.Contains(
            "stage4[\"4. Safeguarding partnership<br/>who acts: the board<br/>also told: board chair<br/>10 working days / urgent 2 working days\"]",
            Diagram, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaid_DefaultPolicy_EscalatesUpTheLadderAndOnlyNotifiesAtTheTop()
    {
        Assert.Contains("raised -->|\"raise\"| stage1", Diagram, StringComparison.Ordinal);
        Assert.Contains("stage1 -->|\"escalate\"| stage2", Diagram, StringComparison.Ordinal);
        Assert.Contains("stage3 -->|\"escalate\"| stage4", Diagram, StringComparison.Ordinal);
        Assert.Contains("stage1 -.->|\"deadline passed: escalate\"| stage2", Diagram, StringComparison.Ordinal);
        Assert.Contains("stage3 -.->|\"deadline passed: escalate\"| stage4", Diagram, StringComparison.Ordinal);
        Assert.Contains("stage4 -.->|\"deadline passed: notify\"| stage4", Diagram, StringComparison.Ordinal);
        Assert.DoesNotContain("stage4 -->|\"escalate\"|", Diagram, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaid_DefaultPolicy_EveryStageCanEndResolvedOrWithdrawn()
    {
        Assert.Contains("resolved([\"Resolved\"])", Diagram, StringComparison.Ordinal);
        Assert.Contains("withdrawn([\"Withdrawn\"])", Diagram, StringComparison.Ordinal);
        Assert.Contains("stage1 & stage2 & stage3 & stage4 -->|\"resolve\"| resolved", Diagram, StringComparison.Ordinal);
        Assert.Contains("stage1 & stage2 & stage3 & stage4 -->|\"withdraw\"| withdrawn", Diagram, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaid_ChangedDefinition_ChangesTheDiagram()
    {
        var json = PolicyTestData.Mutate(p =>
        {
            p.Entry("urgent", 0)["deadline"] = new System.Text.Json.Nodes.JsonObject { ["hours"] = 24 };
            p.Stage(1)["onDeadline"] = "notify";
        });

        var diagram = PolicyDiagram.ToMermaid(PolicyLoader.Parse(json, "changed.json", PolicyTestData.Schema));

        Assert.Contains("5 working days / urgent 24 hours", diagram, StringComparison.Ordinal);
        Assert.Contains("stage2 -.->|\"deadline passed: notify\"| stage2", diagram, StringComparison.Ordinal);
        Assert.Contains("stage2 -->|\"escalate\"| stage3", diagram, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaid_TitleWithQuotesAndMarkup_IsEscapedInsideTheLabel()
    {
        var json = PolicyTestData.Mutate(p => p.Stage(0)["title"] = "Say \"no\" <b>#1</b> & more");

        var diagram = PolicyDiagram.ToMermaid(PolicyLoader.Parse(json, "quotes.json", PolicyTestData.Schema));

        var node = diagram.Split('\n').Single(l => l.TrimStart().StartsWith("stage1[", StringComparison.Ordinal));
        Assert.Contains("1. Say #quot;no#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; more<br/>", node, StringComparison.Ordinal);
        Assert.Equal(2, node.Count(c => c == '"'));
    }
}
