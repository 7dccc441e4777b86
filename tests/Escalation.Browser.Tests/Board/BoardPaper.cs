using System.Collections.Concurrent;
using Escalation.Browser.Tests.TestSupport;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.Board;

/// <summary>The board paper, opened from the board report page in a new tab, watched for console errors from its first byte.</summary>
internal static class BoardPaper
{
    /// <summary>Clicks the paper's link, waits for the new tab to load, checks it with axe, saves it, and returns its text.</summary>
    public static async Task<string> OpenAndCheckAsync(Visitor visitor, string shot)
    {
        var errors = new ConcurrentQueue<string>();
        void Watch(object? sender, IPage page)
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                    errors.Enqueue(message.Text);
            };
            page.PageError += (_, error) => errors.Enqueue("Uncaught: " + error);
        }

        visitor.Page.Context.Page += Watch;
        try
        {
            var paper = await visitor.Page.Context.RunAndWaitForPageAsync(() =>
                visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Board paper, ready to print (HTML, opens in a new tab)" }).ClickAsync());
            await paper.WaitForFunctionAsync("() => document.readyState === 'complete'");
            await paper.ScreenshotAsync(new() { Path = visitor.ArtefactPath(shot + ".png"), FullPage = true });
            Assert.Empty(await Axe.ViolationsAsync(paper));
            var text = await paper.Locator("body").InnerTextAsync();
            await paper.CloseAsync();
            Assert.True(errors.IsEmpty, "The board paper logged errors:\n" + string.Join("\n", errors));
            return text;
        }
        finally
        {
            visitor.Page.Context.Page -= Watch;
        }
    }

    /// <summary>The text of the page's main content.</summary>
    public static Task<string> MainAsync(Visitor visitor) => visitor.Page.Locator("main").InnerTextAsync();

    /// <summary>The service navigation's links, in order.</summary>
    public static async Task<IReadOnlyList<string>> NavigationAsync(Visitor visitor) =>
        [.. (await visitor.Page.Locator("#navigation li").AllInnerTextsAsync()).Select(t => t.Trim())];
}
