using System.Data.Common;

namespace Escalation.Reports.Queries;

/// <summary>One SQL query: its text, its parameters, and what to do with each row.</summary>
internal sealed record QueryJob(string Sql, IReadOnlyDictionary<string, object> Parameters, Action<DbDataReader> Read);

/// <summary>Runs hand-written queries on a connection the caller owns (the quarterly mail's readers; the board report itself uses EF Core).</summary>
internal static class QueryRunner
{
    /// <summary>Runs jobs in order on a connection the caller owns.</summary>
    public static async Task RunOnAsync(DbConnection connection, IEnumerable<QueryJob> jobs, CancellationToken ct)
    {
        foreach (var job in jobs)
            await RunOneAsync(connection, job, ct).ConfigureAwait(false);
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
        }
    }
}
