using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Data.Sql;

/// <summary>
/// An INSERT of every mapped column of one entity, built once from the EF Core model and prepared once for a whole batch.
/// A raise stores its escalation this way rather than through SaveChanges, whose change tracking and command building
/// cost more than all the raise's other writes together, inside the one-writer section. Each value is bound through
/// the model's own type mapping, so the row holds exactly what SaveChanges would have written.
/// </summary>
internal sealed class EntityInsert<T> : IAsyncDisposable where T : class
{
    // The columns and the statement depend only on the model (one per provider), so they are worked out once.
    private static readonly ConcurrentDictionary<IModel, Shape> Shapes = new();

    private readonly DbCommand _command;
    private readonly Column[] _columns;

    public EntityInsert(DbContext db, DbConnection connection, DbTransaction transaction)
    {
        var shape = Shapes.GetOrAdd(db.Model, static (model, db) => Shape.For(model, db.GetService<ISqlGenerationHelper>()), db);
        _columns = shape.Columns;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = shape.Sql;
    }

    /// <summary>Inserts the row; a refusal by the database (a broken foreign key, say) is thrown as SaveChanges throws it.</summary>
    public async Task ExecuteAsync(T row, CancellationToken ct)
    {
        _command.Parameters.Clear();
        foreach (var column in _columns)
        {
            _command.Parameters.Add(column.Mapping.CreateParameter(_command, column.Parameter, column.Property.PropertyInfo!.GetValue(row),
                column.Property.IsNullable));
        }

        try
        {
            await _command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Storing the {typeof(T).Name} failed: {ex.Message}", ex);
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private sealed record Shape(Column[] Columns, string Sql)
    {
        public static Shape For(IModel model, ISqlGenerationHelper names)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var columns = entity.GetProperties().Select((property, i) => Column.For(property, i)).ToArray();
            return new Shape(columns,
                $"INSERT INTO {names.DelimitIdentifier(entity.GetTableName()!)} " +
                $"({string.Join(", ", columns.Select(c => names.DelimitIdentifier(c.Property.GetColumnName())))}) " +
                $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))})");
        }
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, string Parameter)
    {
        public static Column For(IProperty property, int index)
        {
            // Only plain columns: a value the database makes, or one with no CLR property, would need SaveChanges' handling.
            if (property.PropertyInfo is null || property.GetDefaultValueSql() is not null || property.GetComputedColumnSql() is not null ||
                property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType != typeof(Guid))
            {
                throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is not a plain column.");
            }

            return new Column(property, property.GetRelationalTypeMapping(),
                "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
