using System.Globalization;
using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Services.Escalations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Escalation.Browser.Tests.TestSupport;

/// <summary>
/// The real web host on Kestrel at a free loopback port, with a temporary SQLite file, the demo partnership, an
/// administrator, maildev as its mail relay, and the clock started at Friday 18 December 2026, 10am.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@partnership.example.org";
    public const string AdminPassword = "administrator-password-2026";
    public const string StartAt = "2026-12-18T10:00:00Z";

    private readonly string _folder = Directory.CreateTempSubdirectory("escalation-browser-tests-").FullName;
    private readonly int _smtpPort;

    public BrowserApp(int port, int smtpPort)
    {
        _smtpPort = smtpPort;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        UseKestrel(port);
    }

    public Uri BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Escalation", $"Data Source={Path.Combine(_folder, "escalation.db")};Pooling=False");
        builder.UseSetting("Escalation:Seed", "demo");
        // Every visitor signs in from 127.0.0.1: more often than one office would in a minute.
        builder.UseSetting("Escalation:SignIn:AttemptsPerMinute", "1000");
        builder.UseSetting("Escalation:Admin:Email", AdminEmail);
        builder.UseSetting("Escalation:Admin:Password", AdminPassword);
        builder.UseSetting("Escalation:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Escalation:Smtp:Port", _smtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Escalation:Smtp:Security", "None");
        builder.UseSetting("Escalation:BaseUrl", BaseUrl.AbsoluteUri.TrimEnd('/'));
        builder.UseSetting("Escalation:Clock:StartAt", StartAt);
        builder.UseSetting("Escalation:Mail:Delivery:PollInterval", "00:00:00.200");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the OS temp cleaner.
            }
        }
    }
}

/// <summary>One app, one maildev and one Chromium, shared by the browser tests (which run one after another).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The machine's closed network refuses Chromium's background connections; these flags stop it making them.
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    ];

    private IPlaywright? _playwright;

    public Maildev Mail { get; private set; } = null!;

    public BrowserApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl => App.BaseUrl;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}, which is missing. Install it with 'apt-get install chromium' " +
                "(./test.sh does). Never use a downloaded browser ('playwright install').");
        }

        Mail = await Maildev.StartAsync();
        App = new BrowserApp(Ports.Free(), Mail.SmtpPort);
        App.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumFlags,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        if (Mail is not null)
            await Mail.DisposeAsync();
    }

    /// <summary>Raises an escalation straight through the engine, for tests about what happens after.</summary>
    public async Task<Guid> RaiseAsync(string raiserEmail, string respondentEmail, string childReference)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var raiser = await db.Users.SingleAsync(u => u.Email == raiserEmail);
        var respondent = await db.Users.SingleAsync(u => u.Email == respondentEmail);
        var request = new RaiseRequest(childReference, 12, respondent.Id, "drift", 2, "The agreed plan was not carried out.",
            new DateOnly(2026, 12, 14), "Nothing has happened for a month.", "The plan carried out.", "standard", null, null, null, false, false);
        var result = await scope.ServiceProvider.GetRequiredService<EscalationService>().RaiseAsync(raiser.Id, request);
        return result.IsOk ? result.Value!.Id : throw new InvalidOperationException($"Could not raise: {result.Status}");
    }

    /// <summary>Moves an escalation up <paramref name="stages"/> stages, as its raiser, straight through the engine.</summary>
    public async Task EscalateAsync(Guid id, string raiserEmail, int stages)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var raiser = await db.Users.SingleAsync(u => u.Email == raiserEmail);
        var service = scope.ServiceProvider.GetRequiredService<EscalationService>();
        for (var i = 0; i < stages; i++)
        {
            var result = await service.MoveAsync(id, raiser.Id, new Escalate("Still no change for the child."));
            if (!result.IsOk)
                throw new InvalidOperationException($"Could not escalate: {result.Status}");
        }
    }

    /// <summary>Puts an invitation mail in the outbox as failed (parked after its last try), as an outage would leave it.</summary>
    public async Task ParkFailedMailAsync(string email, string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var id = Guid.CreateVersion7(now);
        db.Outbox.Add(new Data.Entities.OutboxMessage
        {
            Id = id, MessageId = $"{id:N}@browser-tests.example.org", TemplateKey = "invitation", RecipientEmail = email,
            RecipientName = name, RecipientAudience = "invitee", Payload = "{\"token\":\"parked-token\"}", CreatedAt = now,
            State = Data.Entities.OutboxState.Failed, Attempts = 8, NextAttemptAt = now, LastError = "550 Mailbox unavailable (relay was down)",
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A mail the relay refused once, waiting an hour for its next try.</summary>
    public async Task RetryingMailAsync(string email, string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var id = Guid.CreateVersion7(now);
        db.Outbox.Add(new Data.Entities.OutboxMessage
        {
            Id = id, MessageId = $"{id:N}@browser-tests.example.org", TemplateKey = "invitation", RecipientEmail = email,
            RecipientName = name, RecipientAudience = "invitee", Payload = "{\"token\":\"retrying-token\"}", CreatedAt = now,
            State = Data.Entities.OutboxState.Pending, Attempts = 1, NextAttemptAt = now.AddHours(1),
            LastError = "Connection refused (the relay could not be reached)",
        });
        await db.SaveChangesAsync();
    }

    /// <summary>How many escalations and outbox mails the database holds: a journey that stores nothing leaves both alone.</summary>
    public async Task<(int Escalations, int Mails)> CountStoredAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        return (await db.Escalations.CountAsync(), await db.Outbox.CountAsync());
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
