using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Escalations.Raise;

/// <summary>Safeguarding first: a child at immediate risk who has not been referred stops the journey, and nothing is stored.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class ImmediateRiskTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ImmediateRisk_YesAndNotReferred_StopsAtContactNow_AndStoresNothing()
    {
        var before = await fixture.CountStoredAsync();
        await using var teacher = await Visitor.OpenAsync(fixture, "immediate-risk-stop");
        await teacher.SignInAsync(Demo.Teacher);
        await teacher.GotoAsync("/escalations/raise", "immediate-risk");
        await teacher.ButtonAsync("Continue", "nothing-chosen");
        Assert.Contains("Select yes if the child is at immediate risk", await teacher.Page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await teacher.Page.GetByLabel("Yes", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "referral");
        await teacher.Page.GetByLabel("No", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "contact-now");

        Assert.EndsWith("/escalations/raise/contact-now", teacher.Page.Url, StringComparison.Ordinal);
        var main = await teacher.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Contact Children's Social Care or the police now", main, StringComparison.Ordinal);
        Assert.Contains("call 999 now", main, StringComparison.Ordinal);
        Assert.Contains("Nothing has been saved", main, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountStoredAsync());

        // The answers are forgotten too: the journey starts again from the first question.
        await teacher.GotoAsync("/escalations/raise/child", "back-to-start");
        Assert.EndsWith("/escalations/raise", teacher.Page.Url, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountStoredAsync());
    }

    [Fact]
    public async Task ImmediateRisk_YesButAlreadyReferred_GoesOnToTheChild()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "immediate-risk-referred");
        await teacher.SignInAsync(Demo.Teacher);
        await teacher.GotoAsync("/escalations/raise", "immediate-risk");
        await teacher.Page.GetByLabel("Yes", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "referral");
        await teacher.Page.GetByLabel("Yes", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await teacher.ButtonAsync("Continue", "child");
        Assert.EndsWith("/escalations/raise/child", teacher.Page.Url, StringComparison.Ordinal);
    }
}
