using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Board;

/// <summary>
/// A member of the practice improvement sub-group, from sign-in: lands on the board report, changes the period (a named
/// one, then dates of their own with a month typed as a word), downloads the paper; never reads an escalation.
/// </summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class ReportViewerJourneyTests(BrowserFixture fixture)
{
    private const string Viewer = "viewer@partnership.example.org";

    [Fact]
    public async Task ReportViewer_LandsOnTheReport_ChangesPeriod_DownloadsPaper_CannotOpenAnEscalation()
    {
        var id = await fixture.RaiseAsync(Demo.Teacher, Demo.SocialWorker, "CH-VIEW-9001");
        await using var viewer = await Visitor.OpenAsync(fixture, "board/report-viewer");

        await viewer.SignInAsync(Viewer);

        Assert.EndsWith("/board", viewer.Page.Url, StringComparison.Ordinal);
        Assert.Equal(["Board report", "Policies", "Sign out"], await BoardPaper.NavigationAsync(viewer));
        Assert.True(await viewer.Page.GetByLabel("This quarter so far").IsCheckedAsync());

        await viewer.Page.GetByLabel("Last financial year").CheckAsync();
        await viewer.ButtonAsync("Show report", "last-financial-year");
        Assert.Contains("Financial year 2025 to 2026", await BoardPaper.MainAsync(viewer), StringComparison.Ordinal);

        await viewer.Page.GetByLabel("Choose the dates").CheckAsync();
        await viewer.Page.Locator("#CustomFrom").FillAsync("1");
        await viewer.Page.Locator("#CustomFrom-month").FillAsync("Nov");
        await viewer.Page.Locator("#CustomFrom-year").FillAsync("2026");
        await viewer.Page.Locator("#CustomTo").FillAsync("18");
        await viewer.Page.Locator("#CustomTo-month").FillAsync("December");
        await viewer.Page.Locator("#CustomTo-year").FillAsync("2026");
        await viewer.ButtonAsync("Show report", "custom-period");
        Assert.Contains("Escalations raised from 1 November 2026 to 18 December 2026", await BoardPaper.MainAsync(viewer), StringComparison.Ordinal);

        // Printed, the page keeps the numbers and drops the navigation, the picker and the links.
        await viewer.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await viewer.ScreenshotAsync("board-report-printed");
        Assert.False(await viewer.Page.Locator("#period-picker").IsVisibleAsync());
        Assert.False(await viewer.Page.Locator(".govuk-service-navigation").IsVisibleAsync());
        Assert.True(await viewer.Page.Locator("#headlines").IsVisibleAsync());
        await viewer.Page.EmulateMediaAsync(new() { Media = Media.Screen });

        var paper = await BoardPaper.OpenAndCheckAsync(viewer, "board-paper");
        Assert.DoesNotContain("CH-VIEW-9001", paper, StringComparison.Ordinal);

        var response = await viewer.GotoAsync($"/escalations/{id}", "escalation-not-found");
        Assert.Equal(404, response!.Status);
        Assert.Equal(0, await viewer.Page.GetByRole(AriaRole.Link, new() { Name = "Escalation log" }).CountAsync());
    }
}
