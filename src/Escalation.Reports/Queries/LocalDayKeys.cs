using System.Globalization;
using Escalation.Core.Calendar;

namespace Escalation.Reports.Queries;

/// <summary>
/// Turns stored instants into keys that identify the local date, in SQL, so that durations can be grouped by
/// (raised day, closed day) instead of reading every escalation.
/// <para>
/// SQLite stores UTC ticks and knows no time zones. A local date changes only at local midnight, which in UTC falls at
/// one time of day per offset the zone uses (Europe/London: 00:00 for GMT and 23:00 for BST). Cutting each UTC day at
/// those times gives segments that each lie within one local date, so the key is (UTC day, segment) and the date is
/// read from the segment's first instant. PostgreSQL converts with <c>AT TIME ZONE</c> directly.
/// </para>
/// </summary>
internal sealed class LocalDayKeys
{
    /// <summary>The parameter holding the time zone id, on PostgreSQL.</summary>
    public const string ZoneParameter = "@zone";

    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private static readonly DateOnly PostgresEpoch = new(2000, 1, 1);

    private readonly WorkingDayCalendar _calendar;
    private readonly bool _sqlite;
    private readonly long[] _boundaries;

    public LocalDayKeys(WorkingDayCalendar calendar, bool sqlite, DateTimeOffset spanStart, DateTimeOffset spanEnd)
    {
        _calendar = calendar;
        _sqlite = sqlite;
        _boundaries = [.. Boundaries(calendar.TimeZone, spanStart, spanEnd)];
    }

    /// <summary>An integer SQL expression of <paramref name="column"/> identifying its local date.</summary>
    public string Expression(string column)
    {
        if (!_sqlite)
            return $"(CAST(({column} AT TIME ZONE {ZoneParameter}) AS date) - DATE '2000-01-01')";
        var segments = string.Concat(_boundaries.Skip(1).Select(b =>
            string.Create(CultureInfo.InvariantCulture, $" + (CASE WHEN {column} % {TicksPerDay} >= {b} THEN 1 ELSE 0 END)")));
        return string.Create(CultureInfo.InvariantCulture, $"(({column} / {TicksPerDay}) * {_boundaries.Length}{segments})");
    }

    /// <summary>The key <see cref="Expression"/> gives for an instant stored as UTC ticks (SQLite).</summary>
    public long Key(long ticks)
    {
        var key = (ticks / TicksPerDay) * _boundaries.Length;
        var timeOfDay = ticks % TicksPerDay;
        for (var i = 1; i < _boundaries.Length; i++)
        {
            if (timeOfDay >= _boundaries[i])
                key++;
        }

        return key;
    }

    /// <summary>The local date a key stands for.</summary>
    public DateOnly Decode(long key)
    {
        if (!_sqlite)
            return PostgresEpoch.AddDays((int)key);
        var day = key / _boundaries.Length;
        var segment = (int)(key % _boundaries.Length);
        return _calendar.LocalDate(new DateTimeOffset((day * TicksPerDay) + _boundaries[segment], TimeSpan.Zero));
    }

    /// <summary>The UTC times of day (in ticks, 0 first) at which local midnight falls, for every offset used in the span.</summary>
    private static SortedSet<long> Boundaries(TimeZoneInfo zone, DateTimeOffset spanStart, DateTimeOffset spanEnd)
    {
        var boundaries = new SortedSet<long> { 0 };
        var from = spanStart.AddDays(-2).UtcDateTime;
        var to = spanEnd.AddDays(2).UtcDateTime;
        for (var at = from; at <= to; at = at.AddHours(12))
        {
            var offset = zone.GetUtcOffset(at).Ticks;
            boundaries.Add((((TicksPerDay - offset) % TicksPerDay) + TicksPerDay) % TicksPerDay);
        }

        return boundaries;
    }
}
