using System.Collections.Concurrent;
using System.Data.Common;

namespace Escalation.Reports.Queries;

/// <summary>One query of the report: its SQL, its parameters, what to do with each row, and what to do after the last.</summary>
internal sealed record QueryJob(string Sql, IReadOnlyDictionary<string, object> Parameters, Action<DbDataReader> Read, Action? Done = null);

/// <summary>
/// Runs the report's queries, several at once on connections of their own when the database allows it (a SQLite file
/// in WAL mode lets readers run side by side), so a report uses every core. Each job fills its own result, so the
/// jobs share nothing.
/// </summary>
internal static class QueryRunner
{
    public static async Task RunAsync(Func<CancellationToken, Task<DbConnection>> open, IReadOnlyList<QueryJob> jobs, int parallelism, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<QueryJob>(jobs);
        var workers = Enumerable.Range(0, Math.Clamp(parallelism, 1, Math.Max(1, jobs.Count)))
            .Select(_ => Task.Run(() => WorkAsync(open, queue, ct), ct));
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    /// <summary>Runs jobs in order on a connection the caller owns.</summary>
    public static async Task RunOnAsync(DbConnection connection, IEnumerable<QueryJob> jobs, CancellationToken ct)
    {
        foreach (var job in jobs)
            await RunOneAsync(connection, job, ct).ConfigureAwait(false);
    }

    private static async Task WorkAsync(Func<CancellationToken, Task<DbConnection>> open, ConcurrentQueue<QueryJob> queue, CancellationToken ct)
    {
        var connection = await open(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            while (queue.TryDequeue(out var job))
                await RunOneAsync(connection, job, ct).ConfigureAwait(false);
        }
    }

    private static async Task RunOneAsync(DbConnection connection, QueryJob job, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = job.Sql;
            foreach (var (name, value) in job.Parameters)
            {
                if (!job.Sql.Contains(name, StringComparison.Ordinal))
                    continue;
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    job.Read(reader);
            }

            job.Done?.Invoke();
        }
    }
}
