using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>
/// A real SMTP server for tests: maildev from the repository's node_modules, on free loopback ports, read back
/// through its REST API (<c>GET /email</c>). It can be stopped and started again on the same ports, to play a relay outage.
/// </summary>
public sealed class Maildev : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _process;

    private Maildev(int smtpPort, int webPort)
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    public Uri Api => new($"http://127.0.0.1:{WebPort}/");

    /// <summary>Starts maildev on free ports, or on <paramref name="smtpPort"/> if given.</summary>
    public static async Task<Maildev> StartAsync(int? smtpPort = null)
    {
        var smtp = smtpPort ?? FreePort();
        // Two asks for a free port can return the same one (the first is released before the second is taken).
        var web = FreePort();
        while (web == smtp)
            web = FreePort();
        var server = new Maildev(smtp, web);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false })
            return;
        var script = Path.Combine(RepoPaths.Root, "node_modules", "maildev", "bin", "maildev");
        if (!File.Exists(script))
            throw new InvalidOperationException($"maildev is not installed ({script} is missing): run 'npm ci' in {RepoPaths.Root} (test.sh does).");

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--smtp", Port(SmtpPort), "--web", Port(WebPort), "--ip", "127.0.0.1", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "The maildev tests need Node.js, and 'node' is not on the PATH: install it (apt-get install nodejs npm) and run 'npm ci'.", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilUpAsync();
    }

    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Every mail maildev holds.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> EmailsAsync()
    {
        using var response = await Http.GetAsync(new Uri(Api, "email"));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.EnumerateArray().Select(ReceivedMail.From)];
    }

    /// <summary>Waits until maildev holds at least <paramref name="count"/> mails (it parses them asynchronously).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForEmailsAsync(int count, TimeSpan? timeout = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var emails = await EmailsAsync();
            if (emails.Count >= count || stopwatch.Elapsed > (timeout ?? TimeSpan.FromSeconds(15)))
                return emails;
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until mails with all these Message-Ids have arrived, and returns those mails.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(IReadOnlyCollection<string> messageIds, TimeSpan? timeout = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var mails = (await EmailsAsync()).Where(m => messageIds.Contains(m.MessageId)).ToList();
            if (mails.Count >= messageIds.Count || stopwatch.Elapsed > (timeout ?? TimeSpan.FromSeconds(15)))
                return mails;
            await Task.Delay(100);
        }
    }

    public async Task ClearAsync()
    {
        using var response = await Http.DeleteAsync(new Uri(Api, "email/all"));
        response.EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task WaitUntilUpAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"maildev exited at start with code {_process.ExitCode} (ports {SmtpPort}, {WebPort}).");
            try
            {
                using var response = await Http.GetAsync(new Uri(Api, "healthz"));
                if (response.IsSuccessStatusCode && await SmtpAnswersAsync())
                    return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"maildev did not come up on ports {SmtpPort} and {WebPort} within 30 seconds.");
    }

    private async Task<bool> SmtpAnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One mail as maildev parsed it.</summary>
public sealed record ReceivedMail(string MessageId, string Subject, IReadOnlyList<string> To, string? Html, string? Text)
{
    public static ReceivedMail From(JsonElement e) => new(
        e.TryGetProperty("messageId", out var id) ? id.GetString()?.Trim('<', '>') ?? string.Empty : string.Empty,
        e.GetProperty("subject").GetString() ?? string.Empty,
        [.. e.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString() ?? string.Empty)],
        e.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String ? html.GetString() : null,
        e.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null);
}

/// <summary>One maildev shared by the integration test classes, which run one after another.</summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    public Maildev Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Maildev.StartAsync();

    public Task DisposeAsync() => Server.StopAsync();
}

[CollectionDefinition(Name)]
public sealed class MaildevGroup : ICollectionFixture<MaildevFixture>
{
    public const string Name = "maildev";
}
