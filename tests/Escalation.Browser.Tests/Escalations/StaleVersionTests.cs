using Escalation.Browser.Tests.TestSupport;

namespace Escalation.Browser.Tests.Escalations;

/// <summary>Two people answer at once: the second is told clearly that it changed, and keeps what they typed.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class StaleVersionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Respond_AfterSomeoneElseResponded_SaysItChanged_AndKeepsTheText()
    {
        var id = await fixture.RaiseAsync(Demo.Teacher, Demo.SocialWorker, "ST-55");
        await using var teacher = await Visitor.OpenAsync(fixture, "stale-version/teacher");
        await using var socialWorker = await Visitor.OpenAsync(fixture, "stale-version/social-worker");
        await teacher.SignInAsync(Demo.Teacher);
        await socialWorker.SignInAsync(Demo.SocialWorker);
        await teacher.GotoAsync($"/escalations/{id}/respond", "respond-opened");
        await socialWorker.GotoAsync($"/escalations/{id}/respond", "respond-opened");

        await socialWorker.Page.GetByLabel("Add a response").FillAsync("We will review the plan tomorrow.");
        await socialWorker.ButtonAsync("Add response", "responded");
        const string Typed = "Please send me the minutes of the last meeting.";
        await teacher.Page.GetByLabel("Add a response").FillAsync(Typed);
        await teacher.ButtonAsync("Add response", "stale");

        var summary = await teacher.Page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Someone else has changed this escalation since you opened this page, so nothing was saved", summary, StringComparison.Ordinal);
        Assert.Equal(Typed, await teacher.Page.GetByLabel("Add a response").InputValueAsync());
        Assert.StartsWith("Error:", await teacher.Page.TitleAsync(), StringComparison.Ordinal);

        // Opening the escalation again shows the other response, and the teacher's own then goes through.
        await teacher.LinkAsync("Back to the escalation", "escalation");
        Assert.Contains("We will review the plan tomorrow.", await teacher.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await teacher.ButtonAsync("Add a response", "respond-again");
        await teacher.Page.GetByLabel("Add a response").FillAsync(Typed);
        await teacher.ButtonAsync("Add response", "responded");
        Assert.Contains("Your response has been added", await teacher.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
