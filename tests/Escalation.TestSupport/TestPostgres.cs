using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Escalation.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster: Debian's <c>postgresql</c> binaries, <c>initdb</c> into a temporary folder (as the
/// unprivileged <c>postgres</c> user when the tests run as root, since initdb refuses root), a random loopback port,
/// its unix socket in the same folder, started with <c>pg_ctl</c> and removed afterwards, also when tests fail.
/// A cluster left behind by a test run that was killed is found by its folder and stopped by its pid file.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string User = "escalation";
    private const string FolderPrefix = "escalation-pg-";
    private static readonly Lazy<bool> IsRoot = new(() => Run("id", ["-u"]).Trim() == "0");
    private readonly string _bin;
    private readonly SemaphoreSlim _templates = new(1, 1);
    private readonly HashSet<string> _prepared = new(StringComparer.Ordinal);
    private int _stopped;

    private TestPostgres(string folder, string bin, int port)
    {
        Folder = folder;
        _bin = bin;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public string Folder { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>A connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = User, Database = database, MaxPoolSize = 40, Timeout = 30, CommandTimeout = 120,
        }.ConnectionString;

    public static async Task<TestPostgres> StartAsync()
    {
        var bin = FindBinaries();
        var root = BaseFolder();
        RemoveStrays(root);
        var folder = Path.Combine(root, FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (IsRoot.Value)
            Run("chown", ["postgres:postgres", folder]);

        var server = new TestPostgres(folder, bin, Ports.Free());
        try
        {
            await Task.Run(server.InitAndStart);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database (or a copy of <paramref name="template"/>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "db_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return ConnectionString(name);
    }

    /// <summary>
    /// A copy of the template database <paramref name="template"/>, which <paramref name="prepare"/> fills once (given a
    /// connection string without pooling, since PostgreSQL copies only a template nobody is connected to).
    /// </summary>
    public async Task<string> CreateDatabaseFromTemplateAsync(string template, Func<string, Task> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        await _templates.WaitAsync();
        try
        {
            if (_prepared.Add(template))
            {
                await ExecuteAsync($"CREATE DATABASE {template}");
                try
                {
                    await prepare(new NpgsqlConnectionStringBuilder(ConnectionString(template)) { Pooling = false }.ConnectionString);
                }
                catch
                {
                    _prepared.Remove(template);
                    await ExecuteAsync($"DROP DATABASE {template}");
                    throw;
                }
            }

            return await CreateDatabaseAsync(template);
        }
        finally
        {
            _templates.Release();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void InitAndStart()
    {
        AsPostgres(Path.Combine(_bin, "initdb"),
            ["-D", DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"]);
        // Durability is not what these tests are about: the service processes are killed, never the database.
        var options = string.Join(' ', "-c listen_addresses=127.0.0.1", $"-p {Port}", $"-k {Folder}", "-c max_connections=300",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c shared_buffers=128MB",
            Environment.GetEnvironmentVariable("ESCALATION_PG_OPTIONS") ?? string.Empty);
        AsPostgres(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(Folder, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        try
        {
            NpgsqlConnection.ClearAllPools();
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                AsPostgres(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
        }
        catch (InvalidOperationException)
        {
            KillByPidFile(DataDirectory);
        }
        finally
        {
            var keep = Environment.GetEnvironmentVariable("ESCALATION_KEEP_PG_LOG");
            if (!string.IsNullOrEmpty(keep) && File.Exists(Path.Combine(Folder, "server.log")))
                File.Copy(Path.Combine(Folder, "server.log"), keep, overwrite: true);
            DeleteFolder(Folder);
        }
    }

    /// <summary>Clusters of earlier runs whose test process is gone: stopped by their pid file and removed.</summary>
    private static void RemoveStrays(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root, FolderPrefix + "*"))
        {
            // A folder whose owner file is not written yet belongs to a test run that is starting right now.
            var ownerFile = Path.Combine(folder, "owner.pid");
            var age = TimeProvider.System.GetUtcNow() - Directory.GetCreationTimeUtc(folder);
            if (File.Exists(ownerFile) ? int.TryParse(File.ReadAllText(ownerFile).Trim(), out var owner) && IsAlive(owner) : age < TimeSpan.FromHours(1))
                continue;
            KillByPidFile(Path.Combine(folder, "data"));
            DeleteFolder(folder);
        }
    }

    private static void KillByPidFile(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
            return;
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.ProcessName is "postgres" or "postmaster")
                process.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Not running any more.
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteFolder(string folder)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>The newest installed server's binaries: Debian keeps them under /usr/lib/postgresql/VERSION/bin.</summary>
    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("ESCALATION_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")))
                .OrderByDescending(d => d.Version).Select(d => d.Dir).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "The PostgreSQL tests need Debian's postgresql package (/usr/lib/postgresql/*/bin/initdb): apt-get install postgresql (./test.sh does).");
    }

    /// <summary>A folder the postgres user can reach: /tmp when running as root (TMPDIR may be private to root).</summary>
    private static string BaseFolder() => IsRoot.Value && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();

    private static void AsPostgres(string program, IReadOnlyList<string> arguments)
    {
        if (IsRoot.Value)
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else
            Run(program, arguments);
    }

    private static string Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {error.Result}{output.Result}");
        }

        return output.Result;
    }
}
