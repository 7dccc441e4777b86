using System.Diagnostics;
using System.Globalization;

namespace Escalation.TestSupport;

/// <summary>
/// A built web app as a real process, <c>dotnet APP.dll --urls http://127.0.0.1:PORT</c>, with HOME in a folder of its
/// own and its output kept in a log file. Two ways to start it:
/// <list type="bullet">
///   <item><see cref="Start"/>: a copy of the service built beside the tests, its settings as command-line arguments
///   and its working folder its HOME (so nothing but the database is shared between copies: a key ring in ~/.aspnet
///   would not be), logging to NAME.log with the seconds since launch on each line.</item>
///   <item><see cref="StartApp"/>: any built or published app, configured through its environment, started from its
///   own folder (its content root, so its appsettings.json applies, as deployed), logging to app.log.</item>
/// </list>
/// </summary>
public sealed class ServiceProcess : IDisposable, IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logFile;
    private readonly bool _stamped;
    private readonly Lock _gate = new();
    private readonly Stopwatch _age = Stopwatch.StartNew();
    private int _firedLines;
    private int _disposed;
    private long _startedAfterTicks = -1;

    private ServiceProcess(string name, Process process, StreamWriter log, string logFile, bool stamped, Uri address, long startedAt)
    {
        Name = name;
        _process = process;
        _log = log;
        _logFile = logFile;
        _stamped = stamped;
        Address = address;
        StartedAt = startedAt;
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>How long after its launch the copy logged that it had started (migrated and listening), once it has.</summary>
    public TimeSpan? StartedAfter => Interlocked.Read(ref _startedAfterTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>True once the copy has logged that it fired due timers.</summary>
    public bool HasFired => Volatile.Read(ref _firedLines) > 0;

    /// <summary>Total CPU time the process has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts a copy of the service built beside the tests (<see cref="RepositoryPaths.WebDll"/>) named
    /// <paramref name="name"/>, working in FOLDER/NAME, with <paramref name="settings"/> as <c>--key=value</c> arguments.
    /// </summary>
    public static ServiceProcess Start(string name, string folder, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var home = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        var address = FreeAddress();
        var start = StartInfo(RepositoryPaths.WebDll, address, home, home);
        foreach (var (key, value) in settings)
            start.ArgumentList.Add($"--{key}={value}");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        return Launch(name, start, address, Path.Combine(folder, name + ".log"), stamped: true);
    }

    /// <summary>Starts the app <paramref name="dll"/> from its own folder, with HOME and app.log in <paramref name="folder"/>.</summary>
    public static ServiceProcess StartApp(string dll, string folder, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is not built; build the solution (or this project) in the same configuration first.", dll);
        Directory.CreateDirectory(folder);
        var address = FreeAddress();
        var start = StartInfo(dll, address, Path.GetDirectoryName(dll)!, folder);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return Launch(Path.GetFileNameWithoutExtension(dll), start, address, Path.Combine(folder, "app.log"), stamped: false);
    }

    /// <summary>
    /// Polls <c>/health/ready</c> (every 50 ms, or <paramref name="pollEvery"/>) until it answers 200: migrated, policies
    /// loaded, database reachable. Returns the time since the process was started.
    /// </summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout, TimeSpan? pollEvery = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"{Name} exited at start with code {_process.ExitCode}; the end of its log:\n{LogTail()}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(Address, "/health/ready"));
                if (response.IsSuccessStatusCode)
                    return Stopwatch.GetElapsedTime(StartedAt);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(pollEvery ?? TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}.");
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

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static Uri FreeAddress() => new($"http://127.0.0.1:{Ports.Free().ToString(CultureInfo.InvariantCulture)}");

    private static ServiceProcess Launch(string name, ProcessStartInfo start, Uri address, string logFile, bool stamped)
    {
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var launched = new ServiceProcess(name, process, log, logFile, stamped, address, startedAt);
        process.OutputDataReceived += (_, e) => launched.Write(e.Data);
        process.ErrorDataReceived += (_, e) => launched.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return launched;
    }

    private static ProcessStartInfo StartInfo(string dll, Uri address, string workingDirectory, string home)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    private string LogTail()
    {
        lock (_gate)
        {
            _log.Flush();
            using var stream = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(30));
        }
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
                _log.WriteLine(_stamped ? string.Create(CultureInfo.InvariantCulture, $"{_age.Elapsed.TotalSeconds,8:F3} {line}") : line);
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after the caller let go of the process.
            }
        }
    }
}
