using Microsoft.Playwright;

namespace Escalation.Browser.Tests.TestSupport;

/// <summary>Moves focus with Tab (or Shift+Tab) only, as a keyboard user does, until the wanted element has it.</summary>
public static class Keyboard
{
    /// <param name="page">The page.</param>
    /// <param name="wanted">A JavaScript condition on <c>e</c>, the focused element.</param>
    /// <param name="backwards">Shift+Tab: into a radio group with nothing chosen, this lands on its last option.</param>
    public static async Task TabToAsync(IPage page, string wanted, bool backwards = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({wanted}); }}"))
                return;
        }

        throw new InvalidOperationException($"Tab never reached an element where {wanted}, on {page.Url}.");
    }

    public static Task TabToFieldAsync(IPage page, string id) => TabToAsync(page, $"e.id === '{id}'");

    public static Task TabToButtonAsync(IPage page, string text) => TabToAsync(page, $"e.textContent.trim() === \"{text}\"");

    /// <summary>Tabs to a radio or checkbox by its label.</summary>
    public static Task TabToOptionAsync(IPage page, string label, bool backwards = false) =>
        TabToAsync(page, $"e.labels && e.labels.length > 0 && e.labels[0].textContent.trim() === \"{label}\"", backwards);
}
