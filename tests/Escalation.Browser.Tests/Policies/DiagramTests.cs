using Escalation.Browser.Tests.TestSupport;

namespace Escalation.Browser.Tests.Policies;

/// <summary>The policy page draws the diagram with Mermaid, under the page's own Content-Security-Policy.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class DiagramTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PolicyPage_DrawsTheDiagram_AndGivesTimescalesInWords()
    {
        await using var officer = await Visitor.OpenAsync(fixture, "policy-diagram");
        await officer.SignInAsync("officer1@partnership.example.org");
        await officer.GotoAsync("/policies", "policies");
        await officer.LinkAsync("Resolving professional differences, version 1", "before-drawing");
        await officer.Page.Locator(".app-diagram svg").WaitForAsync();
        await officer.CheckAsync("diagram");

        var main = await officer.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Stage 4: Safeguarding partnership", main, StringComparison.Ordinal);
        Assert.Contains("10 working days. Reminder: 1 working day before the deadline", main, StringComparison.Ordinal);
        Assert.Contains("Moves up to stage 2 (Manager) automatically", main, StringComparison.Ordinal);
        var drawn = await officer.Page.Locator(".app-diagram svg").TextContentAsync() ?? string.Empty;
        Assert.Contains("Manager", drawn, StringComparison.Ordinal);
        Assert.Contains("deadline passed: escalate", drawn, StringComparison.Ordinal);
    }
}
