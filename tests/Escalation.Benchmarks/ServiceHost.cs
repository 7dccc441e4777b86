using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Escalation.Benchmarks;

/// <summary>
/// A built web app as a separate process: <c>dotnet APP.dll --urls http://127.0.0.1:PORT</c>, configured through its
/// environment, from its own build folder (its content root) with HOME in a folder of its own, its output kept in app.log there.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();

    private ServiceHost(Process process, StreamWriter log, Uri address, long startedAt)
    {
        _process = process;
        _log = log;
        Address = address;
        StartedAt = startedAt;
    }

    public Uri Address { get; }

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    public int ProcessId => _process.Id;

    /// <summary>The service's settings for a SQLite file in <paramref name="folder"/>, with the demo partnership.</summary>
    public static Dictionary<string, string> ServiceSettings(string folder) => ServiceSettings(folder, new Dictionary<string, string>());

    /// <summary>As above, with <paramref name="extra"/> added or overriding.</summary>
    public static Dictionary<string, string> ServiceSettings(string folder, IReadOnlyDictionary<string, string> extra)
    {
        var settings = Defaults(folder);
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    private static Dictionary<string, string> Defaults(string folder) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings__Escalation"] = "Data Source=" + Path.Combine(folder, "escalation.db"),
        ["Escalation__Workflows__Path"] = Path.Combine(Paths.RepositoryRoot, "workflows"),
        ["Escalation__Templates__Path"] = Path.Combine(Paths.RepositoryRoot, "templates"),
        ["Escalation__Mail__PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Escalation__Seed"] = "demo",
        ["Escalation__Admin__Email"] = "admin@partnership.example.org",
        ["Escalation__Admin__Password"] = "benchmark-admin-password-2026",
        ["Escalation__BaseUrl"] = "http://escalation.example.org",
    };

    public static Dictionary<string, string> BareSettings(string folder) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings__Escalation"] = "Data Source=" + Path.Combine(folder, "bare.db"),
    };

    public static ServiceHost Start(string dll, string folder, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is not built; build the solution (or this project) in the same configuration first.", dll);
        Directory.CreateDirectory(folder);
        var address = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}");
        // Started from its own folder, as it is deployed: its content root, so its appsettings.json (log levels) applies.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["HOME"] = folder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var log = new StreamWriter(Path.Combine(folder, "app.log"), append: true) { AutoFlush = true };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new ServiceHost(process, log, address, startedAt);
        process.OutputDataReceived += (_, e) => host.Write(e.Data);
        process.ErrorDataReceived += (_, e) => host.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Polls <c>/health/ready</c> every 10 ms until it answers 200; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout)
    {
        while (Stopwatch.GetElapsedTime(StartedAt) < timeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"the app exited at start with code {_process.ExitCode}; the end of its output:\n{LogTail()}");
            }
            try
            {
                using var response = await Http.GetAsync(new Uri(Address, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                    return Stopwatch.GetElapsedTime(StartedAt);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"the app was not ready within {timeout}");
    }

    /// <summary>Resident set size (VmRSS) of the process, in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }

        throw new InvalidOperationException("no VmRSS line in /proc/PID/status");
    }

    /// <summary>Total CPU time the process has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }

            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_gate)
            _log.Dispose();
    }

    private string LogTail()
    {
        lock (_gate)
        {
            _log.Flush();
            using var stream = new FileStream(((FileStream)_log.BaseStream).Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(30));
        }
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after the benchmark let go of the process.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
