using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Escalation.TestSupport;

/// <summary>
/// A real SMTP server for tests: maildev from the repository's node_modules, on free loopback ports, read back
/// through its REST API (<c>GET /email</c>). It can be stopped and started again on the same ports, to play a relay
/// outage. With <c>bulk</c>, for runs of thousands of mails, it keeps its mails in a temporary folder of its own
/// (removed afterwards) and allows each request 120 seconds.
/// </summary>
public sealed class Maildev : IAsyncDisposable
{
    private static readonly HttpClient Quick = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly HttpClient Patient = new() { Timeout = TimeSpan.FromSeconds(120) };
    private readonly HttpClient _http;
    private readonly DirectoryInfo? _folder;
    private readonly List<string> _seen = [];
    private Process? _process;

    private Maildev(int smtpPort, int webPort, bool bulk)
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
        _http = bulk ? Patient : Quick;
        _folder = bulk ? Directory.CreateTempSubdirectory("escalation-maildev-") : null;
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    public Uri Api => new($"http://127.0.0.1:{WebPort}/");

    /// <summary>Starts maildev on free ports, or on <paramref name="smtpPort"/> if given.</summary>
    public static async Task<Maildev> StartAsync(int? smtpPort = null, bool bulk = false)
    {
        var smtp = smtpPort ?? Ports.Free();
        // Two asks for a free port can return the same one (the first is released before the second is taken).
        var web = Ports.Free();
        while (web == smtp)
            web = Ports.Free();
        var server = new Maildev(smtp, web, bulk);
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false })
            return;
        var script = Path.Combine(RepositoryPaths.NodeModules, "maildev", "bin", "maildev");
        if (!File.Exists(script))
            throw new InvalidOperationException($"maildev is not installed ({script} is missing): run 'npm ci' in {RepositoryPaths.Root} (./test.sh does).");

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--smtp", Port(SmtpPort), "--web", Port(WebPort), "--ip", "127.0.0.1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_folder is not null)
        {
            start.ArgumentList.Add("--mail-directory");
            start.ArgumentList.Add(_folder.FullName);
        }

        start.ArgumentList.Add("--silent");
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
        using var response = await _http.GetAsync(new Uri(Api, "email"));
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

    /// <summary>The Message-Id of every mail that arrived since the last <see cref="ClearAsync"/>, in order of arrival.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync()
    {
        // Paged by arrival, so a run of 10,000 mails is fetched a little at a time rather than all at the end.
        using var response = await _http.GetAsync(new Uri(Api, "email?skip=" + _seen.Count.ToString(CultureInfo.InvariantCulture)));
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(body);
        foreach (var mail in document.RootElement.EnumerateArray())
        {
            var id = mail.TryGetProperty("messageId", out var value) ? value.GetString() ?? string.Empty : string.Empty;
            _seen.Add(id.Trim().Trim('<', '>'));
        }

        return _seen;
    }

    /// <summary>Waits until at least <paramref name="count"/> Message-Ids have arrived, or <paramref name="timeout"/> passes.</summary>
    public async Task<IReadOnlyList<string>> WaitForMessageIdsAsync(int count, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var ids = await MessageIdsAsync();
            if (ids.Count >= count || stopwatch.Elapsed > timeout)
                return ids;
            await Task.Delay(250);
        }
    }

    public async Task ClearAsync()
    {
        using var response = await _http.DeleteAsync(new Uri(Api, "email/all"));
        response.EnsureSuccessStatusCode();
        _seen.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_folder is null)
            return;
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    private async Task WaitUntilUpAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"maildev exited at start with code {_process.ExitCode} (ports {SmtpPort}, {WebPort}).");
            try
            {
                using var response = await _http.GetAsync(new Uri(Api, "healthz"));
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

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
