using System.Data.Common;
using System.Globalization;

namespace Escalation.Data.Sql;

/// <summary>
/// Statements queued inside a transaction and sent together, in the order they were added, as one
/// <see cref="DbBatch"/>: one round trip to the server instead of one per statement. Used only where the provider can
/// batch (PostgreSQL); the queue is sent when it grows large, and must be flushed before the transaction commits.
/// </summary>
internal sealed class DeferredStatements(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private const int MaxQueued = 2000;
    private readonly HashSet<Guid> _escalations = [];
    private DbBatch? _batch;

    public bool Touches(Guid escalationId) => _escalations.Contains(escalationId);

    public async Task AddAsync(Guid? escalationId, string sql, object?[] values, CancellationToken ct)
    {
        _batch ??= CreateBatch();
        var command = _batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        _batch.BatchCommands.Add(command);
        if (escalationId is { } id)
            _escalations.Add(id);
        if (_batch.BatchCommands.Count >= MaxQueued)
            await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_batch is null || _batch.BatchCommands.Count == 0)
            return;
        await using var batch = _batch;
        _batch = null;
        _escalations.Clear();
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_batch is not null)
            await _batch.DisposeAsync();
    }

    private DbBatch CreateBatch()
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }
}
