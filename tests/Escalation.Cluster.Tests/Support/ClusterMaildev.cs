using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Escalation.Cluster.Tests.Support;

/// <summary>
/// maildev from the repository's node_modules on free loopback ports, keeping its mails in a temporary folder of its
/// own (removed afterwards). The tests read back only the Message-Id of each mail, through its REST API.
/// </summary>
public sealed class ClusterMaildev : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(120) };
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("escalation-maildev-");
    private readonly List<string> _seen = [];
    private Process? _process;

    public int SmtpPort { get; } = Ports.Free();

    public int WebPort { get; } = Ports.Free();

    private Uri Api => new($"http://127.0.0.1:{WebPort}/");

    public static async Task<ClusterMaildev> StartAsync()
    {
        var server = new ClusterMaildev();
        try
        {
            await server.StartProcessAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Message-Id of every mail that arrived since the last <see cref="ClearAsync"/>, in order of arrival.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync()
    {
        // Paged by arrival, so a run of 10,000 mails is fetched a little at a time rather than all at the end.
        using var response = await Http.GetAsync(new Uri(Api, "email?skip=" + _seen.Count.ToString(CultureInfo.InvariantCulture)));
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

    /// <summary>Waits until at least <paramref name="count"/> mails have arrived, or <paramref name="timeout"/> passes.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(int count, TimeSpan timeout)
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
        using var response = await Http.DeleteAsync(new Uri(Api, "email/all"));
        response.EnsureSuccessStatusCode();
        _seen.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    private async Task StartProcessAsync()
    {
        var script = Path.Combine(ClusterPaths.RepositoryRoot, "node_modules", "maildev", "bin", "maildev");
        if (!File.Exists(script))
            throw new InvalidOperationException($"maildev is not installed ({script} is missing): run 'npm ci' (./test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture), "--web", WebPort.ToString(CultureInfo.InvariantCulture),
                "--ip", "127.0.0.1", "--mail-directory", _folder.FullName, "--silent",
            },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"maildev exited at start with code {_process.ExitCode}.");
            try
            {
                using var response = await Http.GetAsync(new Uri(Api, "healthz"));
                using var smtp = new TcpClient();
                await smtp.ConnectAsync(IPAddress.Loopback, SmtpPort);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("maildev did not come up within 30 seconds.");
    }
}

internal static class Ports
{
    /// <summary>A loopback port nothing listens on at the moment of asking.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal static class ClusterPaths
{
    private static string Metadata(string key) =>
        typeof(ClusterPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>The web app as built beside these tests (same configuration).</summary>
    public static string WebDll => Metadata("EscalationWebDll");

    public static string RepositoryRoot => Metadata("RepositoryRoot");
}
