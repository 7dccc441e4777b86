using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Board;

/// <summary>
/// The board's business officer, from sign-in, by links and buttons only: the overview, the escalation log searched and
/// filtered, the filtered list as CSV, one escalation opened, the board report and its paper.
/// </summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class BoardOfficerJourneyTests(BrowserFixture fixture)
{
    private const string Officer = "officer1@partnership.example.org";

    [Fact]
    public async Task BoardOfficer_OverviewLogSearchCsvEscalationReportAndPaper_AllByLinks()
    {
        var id = await fixture.RaiseAsync(Demo.Teacher, Demo.SocialWorker, "CH-LOG-7001");
        await fixture.RaiseAsync(Demo.Police, Demo.SocialWorker, "CH-LOG-7002");
        await using var officer = await Visitor.OpenAsync(fixture, "board/officer");

        await officer.SignInAsync(Officer);

        Assert.EndsWith("/", officer.Page.Url, StringComparison.Ordinal);
        Assert.Contains("Open escalations by stage", await BoardPaper.MainAsync(officer), StringComparison.Ordinal);
        Assert.Equal(["Overview", "Escalation log", "Board report", "Policies", "Sign out"], await BoardPaper.NavigationAsync(officer));

        await officer.LinkAsync("Escalation log", "log");
        var log = await BoardPaper.MainAsync(officer);
        Assert.Contains("CH-LOG-7001", log, StringComparison.Ordinal);
        Assert.Contains("CH-LOG-7002", log, StringComparison.Ordinal);

        // Search by the child's reference, in lower case, and narrow to the school as the raising agency, raised in December.
        await officer.Page.GetByLabel("Escalation or child reference").FillAsync("ch-log-70");
        await officer.Page.GetByText("Filter the list").ClickAsync();
        await officer.Page.GetByLabel("Raising agency").SelectOptionAsync(new SelectOptionValue { Label = "Riverside Primary School" });
        await officer.Page.Locator("#RaisedFrom").FillAsync("1");
        await officer.Page.Locator("#RaisedFrom-month").FillAsync("Dec");
        await officer.Page.Locator("#RaisedFrom-year").FillAsync("2026");
        await officer.ButtonAsync("Show escalations", "log-filtered");
        var filtered = await BoardPaper.MainAsync(officer);
        Assert.Contains("CH-LOG-7001", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("CH-LOG-7002", filtered, StringComparison.Ordinal);

        // The CSV holds exactly the filtered list.
        var download = await officer.Page.RunAndWaitForDownloadAsync(() =>
            officer.Page.GetByRole(AriaRole.Link, new() { Name = "Download this list for a spreadsheet (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Reference,Child reference,Raised,Raising agency,Receiving agency", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(1), l => l.Contains("CH-LOG-7001", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains("CH-LOG-7002", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Contains("Riverside Primary School", l, StringComparison.Ordinal));

        await officer.ClickAsync(officer.Page.Locator($"#log a[href='/escalations/{id}']"), "escalation");
        Assert.Contains("CH-LOG-7001", await BoardPaper.MainAsync(officer), StringComparison.Ordinal);

        await officer.LinkAsync("Board report", "board-report");
        Assert.Contains("Headline numbers", await BoardPaper.MainAsync(officer), StringComparison.Ordinal);
        var paper = await BoardPaper.OpenAndCheckAsync(officer, "board-paper");
        Assert.Contains("Board", paper, StringComparison.Ordinal);
    }
}
