using System.Net;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Api.Support;

/// <summary>
/// The real host on a SQLite file of its own, with a fake clock and the timer dispatcher off, and a small partnership
/// whose people can sign in (<see cref="Password"/>). One per test class: seeded once, tokens cached per account.
/// </summary>
public class ApiHost : EscalationAppFactory
{
    public const string Password = "correct-horse-battery-2026";

    public static readonly DateTimeOffset Start = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

    // Bearer tokens last 8 hours on the host's clock; a test that moves the clock on gets a fresh one.
    private static readonly TimeSpan TokenReuse = TimeSpan.FromHours(7);

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Who, (string Token, DateTimeOffset At)> _tokens = [];
    private ApiPartnership? _people;

    public ApiHost()
        : this(new Dictionary<string, string?>(), null)
    {
    }

    /// <param name="settings">Extra configuration, as on the command line.</param>
    /// <param name="databasePath">Another host's database file, to share it.</param>
    protected ApiHost(IReadOnlyDictionary<string, string?> settings, string? databasePath)
        : base(databasePath) => _settings = settings;

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Escalation:Dispatcher:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>The seeded partnership; seeds it on first use.</summary>
    public async Task<ApiPartnership> PeopleAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _people ??= await InScopeAsync(ApiPartnership.SeedAsync);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A client with no credentials at all: no token, no cookie.</summary>
    public ApiClient Anonymous() => new(CreateClient(), token: null);

    /// <summary>A client that sends this bearer token.</summary>
    public ApiClient WithToken(string token) => new(CreateClient(), token);

    /// <summary>A client signed in as one of the seeded people, through <c>POST /api/auth/login</c>.</summary>
    public async Task<ApiClient> SignInAsync(Who who)
    {
        var people = await PeopleAsync();
        string token;
        await _gate.WaitAsync();
        try
        {
            if (!_tokens.TryGetValue(who, out var cached) || Clock.GetUtcNow() - cached.At > TokenReuse)
            {
                cached = (await LoginAsync(people[who].Email, Password), Clock.GetUtcNow());
                _tokens[who] = cached;
            }

            token = cached.Token;
        }
        finally
        {
            _gate.Release();
        }

        return new ApiClient(CreateClient(), token);
    }

    /// <summary>A client signed in to the pages with the cookie, as one of the seeded people; it follows no redirect.</summary>
    public async Task<HttpClient> SignInPagesAsync(Who who)
    {
        var people = await PeopleAsync();
        var browser = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        using var signIn = await browser.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = people[who].Email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = Antiforgery.Token(form),
        }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"The UI sign-in did not succeed: {(int)signIn.StatusCode}");
        return browser;
    }

    /// <summary>Signs in with an email and password and returns the access token; fails the test if refused.</summary>
    public async Task<string> LoginAsync(string email, string password)
    {
        using var anonymous = Anonymous();
        var response = await anonymous.PostAsync("/api/auth/login", Bodies.Login(email, password));
        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        return response.Json["accessToken"]!.GetValue<string>();
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> InDbAsync<T>(Func<EscalationDbContext, Task<T>> work) =>
        InScopeAsync(sp => work(sp.GetRequiredService<EscalationDbContext>()));

    /// <summary>How many rows each table holds, to prove that a refused request stored nothing.</summary>
    public Task<RowCounts> CountsAsync() => InDbAsync(async db => new RowCounts(
        await db.Escalations.CountAsync(), await db.History.CountAsync(), await db.StageRecords.CountAsync(),
        await db.Timers.CountAsync(), await db.Outbox.CountAsync(), await db.Users.CountAsync(),
        await db.Agencies.CountAsync(), await db.Invitations.CountAsync()));

    public Task<List<OutboxMessage>> OutboxForAsync(string email, string templateKey) => InDbAsync(db => db.Outbox.AsNoTracking()
        .Where(o => o.RecipientEmail == email && o.TemplateKey == templateKey).ToListAsync());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}

public sealed record RowCounts(int Escalations, int History, int Stages, int Timers, int Outbox, int People, int Agencies, int Invitations);
