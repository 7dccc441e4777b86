using System.Globalization;
using Escalation.Core.Calendar;

namespace Escalation.Notifications.Templates;

/// <summary>Dates and deadlines in words, in the calendar's zone: "Tuesday 29 December 2026", "by the end of Tuesday 29 December 2026".</summary>
public sealed class DateWords(WorkingDayCalendar calendar)
{
    // The invariant culture's day and month names are the English ones en-GB uses; it also works where ICU is absent.
    private static readonly DateTimeFormatInfo Names = CultureInfo.InvariantCulture.DateTimeFormat;

    private static readonly TimeSpan EndOfDayFrom = new(23, 59, 0);

    public static string Date(DateOnly day) => day.ToString("dddd d MMMM yyyy", Names);

    public string Date(DateTimeOffset instant) => Date(calendar.LocalDate(instant));

    /// <summary>
    /// "by the end of Tuesday 29 December 2026" for a working-day deadline (23:59:59 local);
    /// "by 2:30pm on Tuesday 29 December 2026" for an exact time.
    /// </summary>
    public string DueBy(DateTimeOffset dueAt)
    {
        var local = TimeZoneInfo.ConvertTime(dueAt, calendar.TimeZone);
        return local.TimeOfDay >= EndOfDayFrom
            ? $"by the end of {Date(calendar.LocalDate(dueAt))}"
            : $"by {Time(TimeOnly.FromTimeSpan(local.TimeOfDay))} on {Date(calendar.LocalDate(dueAt))}";
    }

    /// <summary>GOV.UK style: 9am, 2:30pm, midday, midnight.</summary>
    public static string Time(TimeOnly time)
    {
        if (time is { Hour: 12, Minute: 0 })
            return "midday";
        if (time is { Hour: 0, Minute: 0 })
            return "midnight";
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var minutes = time.Minute == 0 ? string.Empty : ":" + time.Minute.ToString("00", CultureInfo.InvariantCulture);
        return hour.ToString(CultureInfo.InvariantCulture) + minutes + (time.Hour < 12 ? "am" : "pm");
    }
}
