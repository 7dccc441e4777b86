using Escalation.Browser.Tests.TestSupport;
using static Escalation.Browser.Tests.TestSupport.Keyboard;

namespace Escalation.Browser.Tests.Escalations.Raise;

/// <summary>The raise journey, start to finish, with the keyboard alone: Tab and Shift+Tab to move, Space to choose, Enter to go on.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Category", "Browser")]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Raise_WithTabSpaceAndEnterOnly_IsRaised()
    {
        await using var teacher = await Visitor.OpenAsync(fixture, "raise-by-keyboard");
        await teacher.SignInAsync(Demo.Teacher);
        var page = teacher.Page;
        var keys = page.Keyboard;

        await TabToAsync(page, "e.classList.contains('govuk-button--start')");
        await teacher.NavigateAsync(() => keys.PressAsync("Enter"), "immediate-risk");
        // "No" is the last option: Shift+Tab from the top of the page comes back up to it.
        await TabToOptionAsync(page, "No", backwards: true);
        await keys.PressAsync("Space");
        await Continue(teacher, "child");
        await TabToFieldAsync(page, "ChildReference");
        await keys.TypeAsync("KB-7");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("9");
        await Continue(teacher, "agency");
        await TabToOptionAsync(page, "Hilltop Academy");
        await keys.PressAsync("Space");
        await Continue(teacher, "professional");
        await TabToOptionAsync(page, "Dan Webb");
        await keys.PressAsync("Space");
        await Continue(teacher, "decision");
        await TabToFieldAsync(page, "DecisionChallenged");
        await keys.TypeAsync("The child was not offered a place in the nurture group.");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("16");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("12");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("2026");
        await Continue(teacher, "category");
        await TabToOptionAsync(page, "Referral judged below threshold, or closed with no further action");
        await keys.PressAsync("Space");
        await Continue(teacher, "level-of-need");
        await TabToOptionAsync(page, "Level 1: universal services");
        await keys.PressAsync("Space");
        await Continue(teacher, "concern");
        await TabToFieldAsync(page, "Text");
        await keys.TypeAsync("He has said twice that he is frightened at home.");
        await Continue(teacher, "outcome");
        await TabToFieldAsync(page, "Text");
        await keys.TypeAsync("A reassessment.");
        await Continue(teacher, "track");
        await TabToOptionAsync(page, "Standard");
        await keys.PressAsync("Space");
        await Continue(teacher, "stage");
        // Stage 1 is already chosen.
        await Continue(teacher, "check-answers");
        await TabToButtonAsync(page, "Raise the escalation");
        await teacher.NavigateAsync(() => keys.PressAsync("Enter"), "confirmation");

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Escalation raised", main, StringComparison.Ordinal);
        Assert.Contains("Dan Webb, whose decision you disagree with", main, StringComparison.Ordinal);
    }

    private static async Task Continue(Visitor visitor, string shot)
    {
        await TabToButtonAsync(visitor.Page, "Continue");
        await visitor.NavigateAsync(() => visitor.Page.Keyboard.PressAsync("Enter"), shot);
    }
}
