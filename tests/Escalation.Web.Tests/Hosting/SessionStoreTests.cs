using System.Net;
using System.Text.RegularExpressions;
using Escalation.Web.Tests.Api.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Hosting;

/// <summary>
/// The answers of a half-finished form are kept in the database: another copy of the service on the same database
/// carries on the journey, and they expire after two idle hours.
/// </summary>
public sealed partial class SessionStoreTests : IDisposable
{
    private readonly ApiHost _first = new();
    private readonly SecondCopy _second;

    public SessionStoreTests() => _second = new SecondCopy(_first.DatabasePath);

    [Fact]
    public async Task RaiseDraft_BegunOnOneCopy_IsCarriedOnByAnotherCopyOfTheService()
    {
        var people = await _first.PeopleAsync();
        var cookies = new CookieContainer();
        using var onFirst = _first.CreateDefaultClient(new CookieContainerHandler(cookies));
        await SignInAsync(onFirst, people[Who.Teacher].Email);
        await PostFormAsync(onFirst, "/escalations/raise", new() { ["Answer"] = "no" });
        await PostFormAsync(onFirst, "/escalations/raise/child", new() { ["ChildReference"] = "CARRIED-ON-7731", ["ChildAge"] = "14" });

        using var onSecond = _second.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var page = await onSecond.GetAsync(new Uri("/escalations/raise/child", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("value=\"CARRIED-ON-7731\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"14\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entry_UsedWithinTwoHours_SlidesOn_ThenExpiresAfterTwoIdleHours()
    {
        var cache = _first.Services.GetRequiredService<IDistributedCache>();
        var idle = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(2) };
        await cache.SetAsync("draft-a", [1, 2, 3], idle);

        _first.Clock.Advance(TimeSpan.FromMinutes(119));
        var afterNearlyTwoHours = await cache.GetAsync("draft-a");
        _first.Clock.Advance(TimeSpan.FromMinutes(119));
        var twoHoursAfterThatUse = await cache.GetAsync("draft-a");
        _first.Clock.Advance(TimeSpan.FromMinutes(121));
        var afterTwoIdleHours = await cache.GetAsync("draft-a");

        Assert.Equal([1, 2, 3], afterNearlyTwoHours);
        Assert.Equal([1, 2, 3], twoHoursAfterThatUse);
        Assert.Null(afterTwoIdleHours);
    }

    [Fact]
    public async Task Entry_WithAnAbsoluteExpiry_IsGoneThenEvenIfUsed()
    {
        var cache = _first.Services.GetRequiredService<IDistributedCache>();
        await cache.SetAsync("draft-b", [7], new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromHours(1), AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(90),
        });

        _first.Clock.Advance(TimeSpan.FromMinutes(50));
        var used = await cache.GetAsync("draft-b");
        _first.Clock.Advance(TimeSpan.FromMinutes(50));
        var pastTheCap = await cache.GetAsync("draft-b");

        Assert.Equal([7], used);
        Assert.Null(pastTheCap);
    }

    [Fact]
    public async Task Entry_SetAgainAndRemoved_ReadsTheNewValueThenNothing_OnEitherCopy()
    {
        var first = _first.Services.GetRequiredService<IDistributedCache>();
        var second = _second.Services.GetRequiredService<IDistributedCache>();
        var options = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(2) };

        await first.SetAsync("draft-c", [1], options);
        await second.SetAsync("draft-c", [2], options);
        var replaced = await first.GetAsync("draft-c");
        await first.RemoveAsync("draft-c");
        var removed = await second.GetAsync("draft-c");

        Assert.Equal([2], replaced);
        Assert.Null(removed);
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        await PostFormAsync(client, "/account/sign-in", new() { ["Email"] = email, ["Password"] = ApiHost.Password });
    }

    private static async Task PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, $"{path} has no antiforgery field.");
        fields["__RequestVerificationToken"] = antiforgery.Groups[1].Value;
        using var body = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {path} answered {(int)response.StatusCode}, not a redirect to the next page.");
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A second copy of the service on the first one's database file.</summary>
    private sealed class SecondCopy(string databasePath) : ApiHost(new Dictionary<string, string?>(), databasePath);
}
