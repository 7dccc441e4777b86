using Escalation.Core.Policies;

namespace Escalation.Core.Calendar;

/// <summary>
/// Working days (Monday to Friday, less bank holidays) in one time zone, and the deadlines and reminders built on them.
/// Every calculation goes through local dates in the zone, so a change of clocks never moves a working-day deadline:
/// it is always 23:59:59 local time, whether that is GMT or BST. Instants returned are in UTC (offset zero).
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The IANA id of the zone working days are counted in.</summary>
    public const string EuropeLondonId = "Europe/London";

    private static readonly TimeOnly EndOfDayTime = new(23, 59, 59);

    private readonly HashSet<DateOnly> _bankHolidays;

    /// <summary>Creates a calendar for <paramref name="timeZone"/> with these bank holidays.</summary>
    /// <param name="timeZone">The zone whose local dates are counted, normally <see cref="FindEuropeLondon"/>.</param>
    /// <param name="bankHolidays">At least one date; the years from the first to the last are taken as covered.</param>
    public WorkingDayCalendar(TimeZoneInfo timeZone, IEnumerable<DateOnly> bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(bankHolidays);

        TimeZone = timeZone;
        _bankHolidays = [.. bankHolidays];
        if (_bankHolidays.Count == 0)
        {
            throw new ArgumentException("At least one bank holiday is needed to know which years are covered.", nameof(bankHolidays));
        }

        FirstCoveredYear = _bankHolidays.Min().Year;
        LastCoveredYear = _bankHolidays.Max().Year;
    }

    /// <summary>The zone whose local dates are counted.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The first year the bank holiday data covers.</summary>
    public int FirstCoveredYear { get; }

    /// <summary>The last year the bank holiday data covers; later years are counted as if they had no bank holidays.</summary>
    public int LastCoveredYear { get; }

    /// <summary>Finds the <c>Europe/London</c> zone (an IANA id; .NET maps it on Windows too).</summary>
    public static TimeZoneInfo FindEuropeLondon() => TimeZoneInfo.FindSystemTimeZoneById(EuropeLondonId);

    /// <summary>Whether the bank holiday data covers this day's year; if not, a host should warn that the file needs new dates.</summary>
    public bool Covers(DateOnly day) => day.Year >= FirstCoveredYear && day.Year <= LastCoveredYear;

    /// <summary>Whether the day is Monday to Friday and not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(day);

    /// <summary>The date of <paramref name="instant"/> in the calendar's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The <paramref name="n"/>th working day after <paramref name="day"/> (n ≥ 1), or, for negative n, the |n|th working day before it.
    /// <paramref name="day"/> itself never counts, whether or not it is a working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is zero.</exception>
    public DateOnly AddWorkingDays(DateOnly day, int n)
    {
        ArgumentOutOfRangeException.ThrowIfZero(n);

        var step = n > 0 ? 1 : -1;
        var remaining = Math.Abs(n);
        var current = day;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>23:59:59 local time on <paramref name="day"/>, as a UTC instant.</summary>
    public DateTimeOffset EndOfDay(DateOnly day) => ToInstant(day, EndOfDayTime);

    /// <summary>
    /// When a stage that began at <paramref name="stageStartedAt"/> is due.
    /// Working days: the end (23:59:59 local) of the Nth working day after the local date the stage began;
    /// that date never counts, even if it is a working day. Hours: exactly N elapsed hours later, whatever the clocks do.
    /// </summary>
    /// <exception cref="ArgumentException">The duration sets neither or both of working days and hours, or a value below 1.</exception>
    public DateTimeOffset DueAt(DateTimeOffset stageStartedAt, Duration deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);

        return (deadline.WorkingDays, deadline.Hours) switch
        {
            ( >= 1 and var days, null) => EndOfDay(AddWorkingDays(LocalDate(stageStartedAt), days)),
            (null, >= 1 and var hours) => stageStartedAt.AddHours(hours).ToUniversalTime(),
            _ => throw new ArgumentException(
                $"A deadline needs exactly one of workingDays or hours, at least 1 (got workingDays {Show(deadline.WorkingDays)}, hours {Show(deadline.Hours)}).",
                nameof(deadline)),
        };
    }

    /// <summary>
    /// When the reminder for a deadline at <paramref name="dueAt"/> is due.
    /// Hours before: exactly N elapsed hours earlier. Working days before: the same local time of day on the Nth working day
    /// before the local due date, which for a working-day deadline is 23:59:59 local on that day. The due date is counted
    /// from even when it is not itself a working day (an hour-based deadline can fall on a weekend).
    /// The result may be before the stage began; deciding what to do then is the caller's business.
    /// </summary>
    /// <exception cref="ArgumentException">The offset sets neither or both of working days and hours, or a value below 1.</exception>
    public DateTimeOffset ReminderAt(DateTimeOffset dueAt, ReminderOffset reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);

        switch (reminder.WorkingDaysBefore, reminder.HoursBefore)
        {
            case ( >= 1 and var days, null):
                var local = TimeZoneInfo.ConvertTime(dueAt, TimeZone).DateTime;
                var day = AddWorkingDays(DateOnly.FromDateTime(local), -days);
                return ToInstant(day, TimeOnly.FromDateTime(local));
            case (null, >= 1 and var hours):
                return dueAt.AddHours(-hours).ToUniversalTime();
            default:
                throw new ArgumentException(
                    $"A reminder needs exactly one of workingDaysBefore or hoursBefore, at least 1 (got workingDaysBefore {Show(reminder.WorkingDaysBefore)}, hoursBefore {Show(reminder.HoursBefore)}).",
                    nameof(reminder));
        }
    }

    /// <summary>
    /// For reports: the number of working days whose local date is strictly after <paramref name="from"/>'s local date
    /// and on or before <paramref name="to"/>'s local date. The start day never counts, so something raised and resolved
    /// on the same day took 0, and something resolved on the next working day took 1. Returns 0 when <paramref name="to"/>
    /// is not after <paramref name="from"/>. Returned as a double so that medians can fall between whole days.
    /// </summary>
    public double WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var first = LocalDate(from);
        var last = LocalDate(to);
        var count = 0;
        for (var day = first.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private DateTimeOffset ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);

        // Where the clocks go back the local time happens twice: take the later one, so "end of day" is never early.
        // Where they go forward it never happens: GetUtcOffset then gives the standard offset, moving it forward by the gap.
        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Min()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
