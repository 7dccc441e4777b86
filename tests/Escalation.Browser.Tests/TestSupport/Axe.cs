using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.TestSupport;

/// <summary>
/// axe-core, from the repository's node_modules, run against the page for the WCAG 2.2 AA rules. Visitors add it to
/// their browser context as an init script, which the pages' Content-Security-Policy does not block; a page without it
/// gets it as a script tag (which needs the context's BypassCSP).
/// </summary>
public static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>The path of axe.min.js, to add to a browser context as an init script.</summary>
    public static string ScriptPath => Script.Value;

    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(RepoPaths.NodeModules, "axe-core", "axe.min.js");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"axe-core is not installed ({path} is missing): run 'npm ci' in {RepoPaths.Root} (./test.sh does).");
    });

    /// <summary>The violations on the page, one line each with the elements at fault; empty when there are none.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script.Value });
        var json = await page.EvaluateAsync<JsonElement>(
            "async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations" +
            ".map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) }))",
            Tags);
        return [.. json.EnumerateArray().Select(v =>
        {
            var text = new StringBuilder($"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}");
            foreach (var node in v.GetProperty("nodes").EnumerateArray())
                text.Append("\n    ").Append(node.GetString());
            return text.ToString();
        })];
    }
}
