using Escalation.Browser.Tests.TestSupport;

namespace Escalation.Browser.Tests.Board;

/// <summary>The board's chair, from sign-in, by links only: the overview, an escalation at the board's stage, the report.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class ChairJourneyTests(BrowserFixture fixture)
{
    private const string Chair = "chair@partnership.example.org";

    [Fact]
    public async Task Chair_OverviewToAnEscalationAtTheBoardStageThenTheReport_AllByLinks()
    {
        var id = await fixture.RaiseAsync(Demo.Teacher, Demo.SocialWorker, "CH-CHAIR-8001");
        await fixture.EscalateAsync(id, Demo.Teacher, stages: 3);
        await using var chair = await Visitor.OpenAsync(fixture, "board/chair");

        await chair.SignInAsync(Chair);

        Assert.Equal(["Overview", "Escalation log", "Board report", "Policies", "Sign out"], await BoardPaper.NavigationAsync(chair));
        await chair.ClickAsync(chair.Page.Locator("#open-by-stage a[href*='status=open'][href*='stage=4']"), "log-at-board-stage");
        var log = await chair.Page.Locator("#log").InnerTextAsync();
        Assert.Contains("CH-CHAIR-8001", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Stage 1 of 4", log, StringComparison.Ordinal);

        await chair.ClickAsync(chair.Page.Locator($"#log a[href='/escalations/{id}']"), "escalation-at-board-stage");
        Assert.Contains("Stage 4 of 4", await BoardPaper.MainAsync(chair), StringComparison.Ordinal);

        await chair.LinkAsync("Board report", "board-report");
        Assert.Contains("Headline numbers", await BoardPaper.MainAsync(chair), StringComparison.Ordinal);
    }
}
