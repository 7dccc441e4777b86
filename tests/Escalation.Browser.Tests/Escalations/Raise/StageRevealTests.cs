using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Escalations.Raise;

/// <summary>"If you start above stage 1, why?" is a conditional reveal of every stage above 1, and always shown without JavaScript.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class StageRevealTests(BrowserFixture fixture)
{
    private const string Why = "If you start above stage 1, why?";

    [Fact]
    public async Task Stage_AnyStageAbove1_ShowsTheReason_Stage1HidesIt()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "raise-stage-reveal");
        await teacher.SignInAsync(Demo.Teacher);
        await ReachStageAsync(teacher);
        var page = teacher.Page;
        var why = page.GetByLabel(Why);

        Assert.False(await why.IsVisibleAsync());
        foreach (var stage in new[] { 2, 3, 4 })
        {
            await page.GetByLabel($"Stage {stage}:").CheckAsync();
            Assert.True(await why.IsVisibleAsync(), $"stage {stage}");
        }

        await page.GetByLabel("Stage 3:").CheckAsync();
        await teacher.CheckAsync("stage-3-reason-shown");
        await page.GetByLabel("Stage 1:").CheckAsync();
        Assert.False(await why.IsVisibleAsync());

        // The same error as before when no reason is given, with the box shown beside it.
        await page.GetByLabel("Stage 2:").CheckAsync();
        await teacher.ButtonAsync("Continue", "stage-2-no-reason");
        Assert.Contains("Say why the escalation should start above stage 1", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await why.IsVisibleAsync());
        Assert.Equal(0, await page.Locator("input[type=radio][aria-expanded]").CountAsync());

        await why.FillAsync("The managers have already met and could not agree.");
        await teacher.ButtonAsync("Continue", "check-answers");
        Assert.Contains("The managers have already met and could not agree.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_WithoutJavaScript_TheReasonIsShown()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "raise-stage-no-js");
        await teacher.SignInAsync(Demo.Teacher);
        await ReachStageAsync(teacher);

        // The same session in a second page with scripts off.
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl.AbsoluteUri, JavaScriptEnabled = false, Locale = "en-GB",
            StorageState = await teacher.Page.Context.StorageStateAsync(),
        });
        await using (context)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/escalations/raise/stage");
            Assert.True(await page.GetByLabel("Stage 1:").IsCheckedAsync());
            Assert.True(await page.GetByLabel(Why).IsVisibleAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = teacher.ArtefactPath("stage-without-javascript.png"), FullPage = true });
        }
    }

    private static async Task ReachStageAsync(Visitor v)
    {
        var page = v.Page;
        await v.GotoAsync("/escalations/raise", "immediate-risk");
        await page.GetByLabel("No", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await v.ButtonAsync("Continue", "child");
        await page.GetByLabel("Child's reference").FillAsync("CH-REVEAL");
        await v.ButtonAsync("Continue", "agency");
        await page.GetByLabel(Demo.Csc).CheckAsync();
        await v.ButtonAsync("Continue", "professional");
        await page.GetByLabel(Demo.SocialWorkerName).CheckAsync();
        await v.ButtonAsync("Continue", "decision");
        await page.GetByLabel("What was the decision?").FillAsync("Closed with no further action.");
        await page.GetByLabel("Day").FillAsync("17");
        await page.GetByLabel("Month").FillAsync("12");
        await page.GetByLabel("Year").FillAsync("2026");
        await v.ButtonAsync("Continue", "category");
        await page.GetByLabel("Referral judged below threshold, or closed with no further action").CheckAsync();
        await v.ButtonAsync("Continue", "level-of-need");
        await page.GetByLabel("Level 3: child in need, complex needs").CheckAsync();
        await v.ButtonAsync("Continue", "concern");
        await page.GetByLabel("What is your concern about the decision?").FillAsync("Three disclosures this term.");
        await v.ButtonAsync("Continue", "outcome");
        await page.GetByLabel("What outcome do you want?").FillAsync("A strategy discussion.");
        await v.ButtonAsync("Continue", "track");
        await page.GetByLabel("Standard", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await v.ButtonAsync("Continue", "stage");
    }
}
