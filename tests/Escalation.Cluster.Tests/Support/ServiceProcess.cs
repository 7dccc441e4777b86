using System.Diagnostics;
using System.Globalization;

namespace Escalation.Cluster.Tests.Support;

/// <summary>
/// One copy of the service as a real process: <c>dotnet Escalation.Web.dll --urls http://127.0.0.1:PORT</c> with its
/// settings as command-line arguments, its own working folder and HOME (so nothing but the database is shared between
/// copies: a key ring in ~/.aspnet would not be), and its output kept in a log file there.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly Stopwatch _age = Stopwatch.StartNew();
    private int _firedLines;
    private int _disposed;
    private long _startedAfterTicks = -1;

    private ServiceProcess(string name, Process process, StreamWriter log, Uri address)
    {
        Name = name;
        _process = process;
        _log = log;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>How long after its launch the copy logged that it had started (migrated and listening), once it has.</summary>
    public TimeSpan? StartedAfter => Interlocked.Read(ref _startedAfterTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>True once the copy has logged that it fired due timers.</summary>
    public bool HasFired => Volatile.Read(ref _firedLines) > 0;

    public static ServiceProcess Start(string name, string folder, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var home = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        var address = new Uri($"http://127.0.0.1:{Ports.Free().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = home, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(ClusterPaths.WebDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
            start.ArgumentList.Add($"--{key}={value}");
        start.Environment["HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        var log = new StreamWriter(Path.Combine(folder, name + ".log"), append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var copy = new ServiceProcess(name, process, log, address);
        process.OutputDataReceived += (_, e) => copy.Write(e.Data);
        process.ErrorDataReceived += (_, e) => copy.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return copy;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200: migrated, policies loaded, database reachable.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited at start with code {_process.ExitCode}; see its log.");
            try
            {
                using var response = await Http.GetAsync(new Uri(Address, "/health/ready"));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}.");
    }

    /// <summary>kill -9, for the process and anything it started.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }

        _process.WaitForExit(10_000);
        Write("== killed by the test (kill -9)");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        Kill();
        _process.Dispose();
        lock (_gate)
            _log.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        if (line.Contains("Fired ", StringComparison.Ordinal) && line.Contains("due timers", StringComparison.Ordinal))
            Interlocked.Increment(ref _firedLines);
        if (line.Contains("Application started", StringComparison.Ordinal))
            Interlocked.CompareExchange(ref _startedAfterTicks, _age.Elapsed.Ticks, -1);
        lock (_gate)
        {
            try
            {
                _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_age.Elapsed.TotalSeconds,8:F3} {line}"));
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after the test let go of this copy.
            }
        }
    }
}
