using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Escalation.Browser.Tests.TestSupport;

/// <summary>One mail as maildev parsed it.</summary>
public sealed record ReceivedMail(string Subject, IReadOnlyList<string> To, string Text)
{
    /// <summary>The first link in the plain-text part that starts with <paramref name="baseUrl"/>.</summary>
    public string Link(Uri baseUrl)
    {
        var match = Regex.Match(Text, Regex.Escape(baseUrl.AbsoluteUri.TrimEnd('/')) + @"/\S+");
        return match.Success ? match.Value : throw new InvalidOperationException($"No link to {baseUrl} in mail '{Subject}':\n{Text}");
    }

    public static ReceivedMail From(JsonElement e) => new(
        e.GetProperty("subject").GetString() ?? string.Empty,
        [.. e.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString() ?? string.Empty)],
        e.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : string.Empty);
}

/// <summary>
/// A real SMTP server: maildev from the repository's node_modules, on free loopback ports, read back through its
/// REST API (<c>GET /email</c>).
/// </summary>
public sealed class Maildev : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;

    private Maildev(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    private Uri Api => new($"http://127.0.0.1:{WebPort}/");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<Maildev> StartAsync()
    {
        var script = Path.Combine(RepoPaths.NodeModules, "maildev", "bin", "maildev");
        if (!File.Exists(script))
            throw new InvalidOperationException($"maildev is not installed ({script} is missing): run 'npm ci' in {RepoPaths.Root} (./test.sh does).");
        var (smtp, web) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--smtp", smtp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--web", web.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Maildev(process, smtp, web);
        await server.WaitUntilUpAsync();
        return server;
    }

    public async Task<IReadOnlyList<ReceivedMail>> EmailsAsync()
    {
        using var response = await Http.GetAsync(new Uri(Api, "email"));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.EnumerateArray().Select(ReceivedMail.From)];
    }

    /// <summary>Waits for a mail to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<ReceivedMail> WaitForAsync(string to, string subject, TimeSpan? timeout = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var mail = (await EmailsAsync()).LastOrDefault(m =>
                m.To.Contains(to, StringComparer.OrdinalIgnoreCase) && m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase));
            if (mail is not null)
                return mail;
            if (stopwatch.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                var seen = string.Join("\n", (await EmailsAsync()).Select(m => $"  {string.Join(",", m.To)}: {m.Subject}"));
                throw new TimeoutException($"No mail to {to} about '{subject}' arrived. Maildev holds:\n{seen}");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilUpAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"maildev exited at start with code {_process.ExitCode}.");
            try
            {
                using var response = await Http.GetAsync(new Uri(Api, "healthz"));
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"maildev did not come up on ports {SmtpPort} and {WebPort} within 30 seconds.");
    }
}
