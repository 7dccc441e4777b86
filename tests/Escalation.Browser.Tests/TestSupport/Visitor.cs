using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.TestSupport;

/// <summary>
/// One person at the browser, in a context (cookies) of their own. Every page they reach is checked with axe
/// (zero WCAG 2.2 AA violations allowed), must have logged no console error (a script error, a resource that failed
/// to load, anything the Content-Security-Policy blocked), and is saved as a screenshot in the test's artefacts folder.
/// </summary>
public sealed partial class Visitor : IAsyncDisposable
{
    public const string DemoPassword = "demo-password-2026";

    private readonly BrowserFixture _fixture;
    private readonly IBrowserContext _context;
    private readonly string _folder;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _consoleErrors = new();
    private int _shots;

    private Visitor(BrowserFixture fixture, IBrowserContext context, IPage page, string folder)
    {
        _fixture = fixture;
        _context = context;
        Page = page;
        _folder = folder;
    }

    public IPage Page { get; private set; }

    public Uri BaseUrl => _fixture.BaseUrl;

    /// <param name="fixture">The shared app and browser.</param>
    /// <param name="artefacts">The folder name for this visitor's screenshots, usually test and person.</param>
    /// <param name="width">The viewport's width in CSS pixels.</param>
    /// <param name="bypassCsp">
    /// False (the default) loads the pages under their real Content-Security-Policy, so a script or style the policy
    /// blocks fails the check; axe comes in as an init script, which the policy does not block.
    /// </param>
    public static async Task<Visitor> OpenAsync(BrowserFixture fixture, string artefacts, int width = 1024, bool bypassCsp = false)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl.AbsoluteUri, BypassCSP = bypassCsp, Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(scriptPath: Axe.ScriptPath);
        var folder = Path.Combine(RepoPaths.Artefacts, artefacts);
        Directory.CreateDirectory(folder);
        var visitor = new Visitor(fixture, context, await context.NewPageAsync(), folder);
        visitor.Page.Console += (_, message) =>
        {
            // Failed loads are judged from the responses below: a page the service answers with an error status on
            // purpose (404, 409) is logged as a failed load of the document itself, which is the page under test.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                visitor._consoleErrors.Enqueue(message.Text);
        };
        visitor.Page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                visitor._consoleErrors.Enqueue($"{response.Status} for {response.Request.ResourceType} {response.Url}");
        };
        visitor.Page.PageError += (_, error) => visitor._consoleErrors.Enqueue("Uncaught: " + error);
        return visitor;
    }

    /// <summary>Opens a path or a full address, then checks the page.</summary>
    public async Task<IResponse?> GotoAsync(string url, string shot)
    {
        var response = await Page.GotoAsync(url);
        await CheckAsync(shot);
        return response;
    }

    /// <summary>Does something that loads a new page (a click, Enter on a button), waits for it, then checks it.</summary>
    public async Task NavigateAsync(Func<Task> action, string shot)
    {
        ArgumentNullException.ThrowIfNull(action);
        // Marks the page, so that the wait below ends only once a new document has replaced it.
        await Page.EvaluateAsync("() => { window.__leaving = true; }");
        await action();
        await Page.WaitForFunctionAsync("() => !window.__leaving");
        await CheckAsync(shot);
    }

    public Task ClickAsync(ILocator target, string shot) => NavigateAsync(() => target.ClickAsync(), shot);

    public Task ButtonAsync(string name, string shot) =>
        ClickAsync(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true }), shot);

    public Task LinkAsync(string name, string shot) =>
        ClickAsync(Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = name }).First, shot);

    public async Task SignInAsync(string email, string password = DemoPassword)
    {
        if (!Page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
            await GotoAsync("/account/sign-in", "sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await ButtonAsync("Sign in", "signed-in");
    }

    /// <summary>Waits for the page to settle, asserts axe finds nothing, and saves a full-page screenshot.</summary>
    public async Task CheckAsync(string shot)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        // Asks the document itself rather than waiting for Playwright's "load" lifecycle event: once in a CI run
        // that event never reached the client for a page that had loaded (the wait timed out after "networkidle").
        await Page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        var name = $"{++_shots:00}-{Unsafe().Replace(shot, "-")}";
        var loaded = timer.ElapsedMilliseconds;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, name + ".png"), FullPage = true });
        var shotTaken = timer.ElapsedMilliseconds;
        var violations = await Axe.ViolationsAsync(Page);
        await File.AppendAllTextAsync(Path.Combine(_folder, "timings.txt"), $"{name}: loaded {loaded} ms, screenshot {shotTaken - loaded} ms, axe {timer.ElapsedMilliseconds - shotTaken} ms\n");
        Assert.True(violations.Count == 0, $"axe found {violations.Count} WCAG 2.2 AA violations on {Page.Url} ({name}):\n" + string.Join("\n", violations));
        var errors = new List<string>();
        while (_consoleErrors.TryDequeue(out var error))
            errors.Add(error);
        Assert.True(errors.Count == 0, $"The browser logged errors on {Page.Url} ({name}), a script error or something the Content-Security-Policy blocked:\n" + string.Join("\n", errors));
    }

    /// <summary>Opens a page without checking it (for documents that are not pages of the service).</summary>
    public async Task ScreenshotAsync(string shot) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{++_shots:00}-{shot}.png"), FullPage = true });

    public string ArtefactPath(string fileName) => Path.Combine(_folder, fileName);

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Unsafe();
}
