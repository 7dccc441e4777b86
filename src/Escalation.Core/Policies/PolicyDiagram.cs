using System.Globalization;
using System.Text;

namespace Escalation.Core.Policies;

/// <summary>
/// Draws a policy as a Mermaid <c>flowchart TD</c>. The diagram is generated from the definition, never drawn by
/// hand, so it cannot disagree with the policy that runs.
/// </summary>
public static class PolicyDiagram
{
    /// <summary>The Mermaid source for a policy: one node per stage, the escalation edges, and the two ends.</summary>
    public static string ToMermaid(PolicyDefinition policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var mermaid = new StringBuilder();
        Line(mermaid, "flowchart TD");
        Line(mermaid, $"    %% {Escape(policy.Id)} version {policy.Version}");
        Line(mermaid, $"    raised([\"{Escape("Raised: " + policy.Title)}\"])");
        foreach (var stage in policy.Stages)
        {
            Line(mermaid, $"    {Node(stage)}[\"{Escape(StageLabel(policy, stage))}\"]");
        }

        Line(mermaid, "    resolved([\"Resolved\"])");
        Line(mermaid, "    withdrawn([\"Withdrawn\"])");
        Line(mermaid, $"    raised -->|\"raise\"| {Node(policy.Stages[0])}");
        foreach (var stage in policy.Stages)
        {
            var next = policy.NextStage(stage.Number);
            if (next is not null)
            {
                Line(mermaid, $"    {Node(stage)} -->|\"escalate\"| {Node(next)}");
            }

            Line(mermaid, stage.OnDeadline == DeadlineAction.Escalate && next is not null
                ? $"    {Node(stage)} -.->|\"deadline passed: escalate\"| {Node(next)}"
                : $"    {Node(stage)} -.->|\"deadline passed: notify\"| {Node(stage)}");
        }

        var all = string.Join(" & ", policy.Stages.Select(Node));
        Line(mermaid, $"    {all} -->|\"resolve\"| resolved");
        Line(mermaid, $"    {all} -->|\"withdraw\"| withdrawn");
        return mermaid.ToString();
    }

    /// <summary>A deadline in words: <c>5 working days</c>, <c>1 working day</c>, <c>24 hours</c>.</summary>
    public static string Describe(Duration duration)
    {
        ArgumentNullException.ThrowIfNull(duration);
        return duration.WorkingDays is { } days
            ? Count(days, "working day", "working days")
            : Count(duration.Hours ?? 0, "hour", "hours");
    }

    private static string StageLabel(PolicyDefinition policy, StageDefinition stage)
    {
        var standard = Describe(policy.Timescale(Track.Standard, stage.Number).Deadline);
        var urgent = Describe(policy.Timescale(Track.Urgent, stage.Number).Deadline);
        var label = $"{stage.Number}. {stage.Title}\nwho acts: {WhoActsText(stage.WhoActs)}";
        if (stage.AlsoTell.Count > 0)
        {
            label += "\nalso told: " + string.Join(", ", stage.AlsoTell.Select(a => JsonNames.Kebab(a).Replace('-', ' ')));
        }

        return label + $"\n{standard} / urgent {urgent}";
    }

    private static string WhoActsText(WhoActs whoActs) => whoActs switch
    {
        WhoActs.Parties => "the parties",
        WhoActs.Managers => "their managers",
        WhoActs.Seniors => "senior managers",
        WhoActs.Board => "the board",
        _ => JsonNames.Kebab(whoActs),
    };

    private static string Node(StageDefinition stage) => "stage" + stage.Number.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    /// <summary>
    /// Makes text safe inside a quoted Mermaid label: quotes, ampersands and angle brackets become Mermaid entity codes (<c>#quot;</c>),
    /// '#' itself first so existing codes are not half-read, and line breaks become <c>&lt;br/&gt;</c>.
    /// </summary>
    private static string Escape(string text) => text
        .Replace("#", "#35;", StringComparison.Ordinal)
        .Replace("&", "#amp;", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("\r", string.Empty, StringComparison.Ordinal)
        .Replace("\n", "<br/>", StringComparison.Ordinal);

    private static void Line(StringBuilder mermaid, string line) => mermaid.Append(line).Append('\n');
}
