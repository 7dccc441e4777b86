using Escalation.Browser.Tests.TestSupport;

namespace Escalation.Browser.Tests.Layout;

/// <summary>WCAG 1.4.10 Reflow: at 320 CSS pixels wide, pages scroll only up and down.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class NarrowScreenTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Pages_At320PixelsWide_HaveNoHorizontalScroll()
    {
        var id = await fixture.RaiseAsync(Demo.Teacher, Demo.SocialWorker, "NARROW-WITH-A-VERY-LONG-UNBROKEN-CHILD-REFERENCE-0001");
        await using var teacher = await Visitor.OpenAsync(fixture, "narrow-320", width: 320);
        await teacher.GotoAsync("/account/sign-in", "sign-in");
        await AssertFitsAsync(teacher);
        await teacher.SignInAsync(Demo.Teacher);
        foreach (var (path, shot) in new[]
        {
            ("/", "home"), ("/escalations/raise", "raise-first-question"), ($"/escalations/{id}", "escalation"),
            ($"/escalations/{id}/resolve", "resolve"), ("/policies/professional-differences/1", "policy"),
        })
        {
            await teacher.GotoAsync(path, shot);
            await AssertFitsAsync(teacher);
        }
    }

    private static async Task AssertFitsAsync(Visitor visitor)
    {
        var widths = await visitor.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= viewport, $"{visitor.Page.Url} is {scrollWidth}px wide in a {viewport}px window: it scrolls sideways.");
    }
}
