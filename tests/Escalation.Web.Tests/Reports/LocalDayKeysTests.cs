using Escalation.Core.Calendar;
using Escalation.Reports.Queries;
using Microsoft.Data.Sqlite;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// On SQLite the report reads raised and resolved instants and keys them by local date itself; those keys must be the
/// ones the SQL expression gives (and the PostgreSQL path and the joined recount still use), around both clock changes.
/// </summary>
public sealed class LocalDayKeysTests
{
    private static readonly WorkingDayCalendar Calendar = new(WorkingDayCalendar.FindEuropeLondon(), [new DateOnly(2026, 12, 25)]);

    [Fact]
    public async Task Key_AroundTheClockChangesOf2026_EqualsTheSqlExpressionAndNamesTheLocalDate()
    {
        var keys = new LocalDayKeys(Calendar, sqlite: true, new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var instants = new List<DateTimeOffset>();
        foreach (var day in new[] { new DateTime(2026, 3, 28), new DateTime(2026, 3, 29), new DateTime(2026, 10, 24), new DateTime(2026, 10, 25), new DateTime(2026, 6, 30) })
        {
            for (var minutes = -90; minutes <= 25 * 60; minutes += 30)
                instants.Add(new DateTimeOffset(day, TimeSpan.Zero).AddMinutes(minutes));
            instants.Add(new DateTimeOffset(day, TimeSpan.Zero).AddHours(23).AddTicks(-1));
        }

        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        foreach (var instant in instants)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + keys.Expression("@t");
            command.Parameters.AddWithValue("@t", instant.UtcTicks);
            var fromSql = (long)(await command.ExecuteScalarAsync())!;

            Assert.Equal(fromSql, keys.Key(instant.UtcTicks));
            Assert.Equal(Calendar.LocalDate(instant), keys.Decode(keys.Key(instant.UtcTicks)));
        }
    }
}
