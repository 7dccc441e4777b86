using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Services.Decisions;
using Escalation.Services.Timers;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Decisions;

/// <summary>An HTTP answer: its status, its JSON body (if any) and the raw response for headers.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, JsonNode? Json, HttpResponseMessage Response)
{
    public JsonObject Errors => Json?["errors"]?.AsObject() ?? [];
}

/// <summary>
/// The real host on its own SQLite file with a fake clock and the dispatchers off, the test partnership (plus a second
/// practitioner at the school), everyone able to sign in with <see cref="Password"/>, and bearer tokens cached per person.
/// </summary>
public sealed partial class DecisionHost : IAsyncLifetime
{
    public const string Password = "sexually-active-children-2026";
    public const string Path = "/api/decisions/sexual-activity";

    public static readonly DateTimeOffset Start = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

    // Bearer tokens last 8 hours on the host's clock; after the clock moves on, sign in again.
    private static readonly TimeSpan TokenReuse = TimeSpan.FromHours(7);

    private readonly Dictionary<Guid, (string Token, DateTimeOffset At)> _tokens = [];

    public DecisionHost()
        : this(new EngineHost(new FakeTimeProvider(Start)))
    {
    }

    private DecisionHost(EngineHost host) => Host = host;

    /// <summary>The same on another database (PostgreSQL); the caller initialises and disposes it.</summary>
    public static DecisionHost On(TestDatabase database) => new(new EngineHost(new FakeTimeProvider(Start), database));

    public EngineHost Host { get; }

    public FakeTimeProvider Clock => Host.Clock;

    public TestPartnership People { get; private set; } = null!;

    /// <summary>Another practitioner at the teacher's school, unrelated to the teacher's assessments.</summary>
    public Guid Peer { get; private set; }

    public async Task InitializeAsync()
    {
        People = await Host.SeedAsync();
        Peer = await Host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Person>>();
            var peer = new Person { Name = "Pat Peer", Email = "pat.peer@example.org", UserName = "pat.peer@example.org", AgencyId = People.SchoolId };
            await users.CreateAsync(peer);
            await users.AddToRoleAsync(peer, Roles.Practitioner);
            foreach (var person in await users.Users.ToListAsync())
            {
                await users.AddPasswordAsync(person, Password);
            }

            return peer.Id;
        });
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }

    public async Task<ApiAnswer> PostAsync(Guid who, string path, object body)
    {
        using var client = await ClientAsync(who);
        return await AnswerAsync(await client.PostAsJsonAsync(path, body));
    }

    public async Task<ApiAnswer> PostTextAsync(Guid who, string path, string json)
    {
        using var client = await ClientAsync(who);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await AnswerAsync(await client.PostAsync(path, content));
    }

    public async Task<ApiAnswer> GetAsync(Guid who, string path)
    {
        using var client = await ClientAsync(who);
        return await AnswerAsync(await client.GetAsync(path));
    }

    /// <summary>Records an assessment that must succeed, and returns its id.</summary>
    public async Task<Guid> RecordAsync(Guid who, JsonObject body)
    {
        var answer = await PostAsync(who, Path + "/assessments", body);
        Assert.True(answer.Status == HttpStatusCode.Created, $"{answer.Status}: {answer.Json}");
        return answer.Json!["id"]!.GetValue<Guid>();
    }

    public Task<int> FireReviewsAsync() =>
        Host.InScopeAsync(sp => sp.GetRequiredService<TimerProcessor>().FireDueAsync(100));

    public Task<List<OutboxMessage>> ReviewMailsAsync() =>
        Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Outbox.AsNoTracking()
            .Where(o => o.TemplateKey == DecisionReviews.TemplateKey).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync());

    public Task<List<TimerRecord>> ReviewsAsync() =>
        Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Timers.AsNoTracking()
            .Where(t => t.Kind == WorkKind.DecisionReview).OrderBy(t => t.Id).ToListAsync());

    /// <summary>The mails of one template queued about one assessment, oldest first.</summary>
    public Task<List<OutboxMessage>> AssessmentMailsAsync(string templateKey, Guid assessmentId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Outbox.AsNoTracking()
            .Where(o => o.TemplateKey == templateKey && o.Payload!.Contains(assessmentId.ToString()))
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync());

    public Task<int> AssessmentCountAsync() =>
        Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Assessments.CountAsync());

    /// <summary>A browser signed in with the cookie, following no redirects.</summary>
    public async Task<HttpClient> SignInAsync(Guid who)
    {
        var email = await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Users.Where(u => u.Id == who).Select(u => u.Email).SingleAsync());
        var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await PostFormAsync(browser, "/account/sign-in", new() { ["Email"] = email!, ["Password"] = Password });
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"The UI sign-in did not succeed: {(int)signIn.StatusCode}");
        return browser;
    }

    /// <summary>Posts a form with the antiforgery token from the page itself (or from <paramref name="tokenFrom"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(fields);
        var form = await browser.GetStringAsync(new Uri(tokenFrom ?? path, UriKind.Relative));
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, $"{tokenFrom ?? path} has no antiforgery field.");
        fields["__RequestVerificationToken"] = antiforgery.Groups[1].Value;
        return await browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryField();

    private async Task<HttpClient> ClientAsync(Guid who)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, who));
        return client;
    }

    private async Task<string> TokenAsync(HttpClient client, Guid who)
    {
        var now = Clock.GetUtcNow();
        if (_tokens.TryGetValue(who, out var cached) && now - cached.At < TokenReuse)
            return cached.Token;

        var email = await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Users.Where(u => u.Id == who).Select(u => u.Email).SingleAsync());
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        var answer = await AnswerAsync(response);
        Assert.True(answer.Status == HttpStatusCode.OK, $"login as {email}: {answer.Status} {answer.Json}");
        var token = answer.Json!["accessToken"]!.GetValue<string>();
        _tokens[who] = (token, now);
        return token;
    }

    private static async Task<ApiAnswer> AnswerAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new ApiAnswer(response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text), response);
    }
}

/// <summary>Request bodies for the decision endpoints, as JSON objects a test can change.</summary>
internal static class Bodies
{
    public static JsonObject Answers(int age, int? partner = null) => new()
    {
        ["childAgeYears"] = age,
        ["partnerAgeYears"] = partner,
        ["factors"] = new JsonArray(),
        ["warningSigns"] = new JsonArray(),
        ["partnerInPositionOfTrust"] = false,
        ["partnerFamilyMember"] = false,
        ["partnerKnownToAgencies"] = false,
        ["contraceptionRequested"] = false,
    };

    /// <summary>A 14-year-old with no concerns: the DSL consulted, support continuing, review on <paramref name="reviewDate"/>.</summary>
    public static JsonObject NoConcern14(string reviewDate = "2027-01-04", string child = "CH-2211")
    {
        var body = Answers(14, partner: 15);
        body["childReference"] = child;
        body["decision"] = Decision(reviewDate, "consult-dsl", "continue-support");
        return body;
    }

    /// <summary>A 12-year-old: refer, police, DSL and screening required; senior approval to leave any out.</summary>
    public static JsonObject Under13(JsonObject decision)
    {
        var body = Answers(12);
        body["childReference"] = "CH-0912";
        body["decision"] = decision;
        return body;
    }

    /// <summary>A 12-year-old not referred, on the strategy meeting's advice: leaving actions out needs <paramref name="approverId"/>'s approval.</summary>
    public static JsonObject Under13NotReferred(Guid? approverId, string child = "CH-0912")
    {
        var decision = Decision("2027-01-11", "consult-dsl", "cse-screening");
        decision["rationale"] = "Exceptional: agreed at the strategy meeting.";
        decision["approverId"] = approverId?.ToString();
        var body = Under13(decision);
        body["childReference"] = child;
        return body;
    }

    public static JsonObject Decision(string? reviewDate, params string[] taken) => new()
    {
        ["actionsTaken"] = new JsonArray([.. taken.Select(t => (JsonNode)t)]),
        ["consulted"] = "Dee Lead, designated safeguarding lead",
        ["consultedAt"] = "2026-12-18T09:30:00Z",
        ["reviewDate"] = reviewDate,
    };
}
