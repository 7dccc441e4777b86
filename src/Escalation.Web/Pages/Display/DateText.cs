using System.Globalization;
using Escalation.Core.Policies;

namespace Escalation.Web.Pages.Display;

/// <summary>
/// Dates in words, GOV.UK style, in the service's time zone: "by the end of Tuesday 29 December", "18 December 2026 at 10:15am".
/// The year is left out of a day within six months of today, where the weekday already makes it plain.
/// </summary>
internal sealed class DateText(PolicyCatalog catalog, TimeProvider clock)
{
    private static readonly DateTimeFormatInfo Names = CultureInfo.InvariantCulture.DateTimeFormat;

    public DateOnly Today => catalog.Calendar.LocalDate(clock.GetUtcNow());

    /// <summary>"by the end of Tuesday 29 December" for a working-day deadline; "by 2:30pm on Tuesday 29 December" for an exact time.</summary>
    public string DueBy(DateTimeOffset dueAt)
    {
        var local = TimeZoneInfo.ConvertTime(dueAt, catalog.Calendar.TimeZone);
        var day = Day(DateOnly.FromDateTime(local.DateTime));
        return local.TimeOfDay >= new TimeSpan(23, 59, 0) ? $"by the end of {day}" : $"by {Time(local.TimeOfDay)} on {day}";
    }

    /// <summary>"Tuesday 29 December", with the year when it is far from today.</summary>
    public string Day(DateOnly day)
    {
        var near = Math.Abs(day.DayNumber - Today.DayNumber) <= 183;
        return day.ToString(near ? "dddd d MMMM" : "dddd d MMMM yyyy", Names);
    }

    /// <summary>"17 December 2026", for dates a person typed.</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", Names);

    /// <summary>"18 December 2026 at 10:15am".</summary>
    public string DateAndTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, catalog.Calendar.TimeZone);
        return $"{local.ToString("d MMMM yyyy", Names)} at {Time(local.TimeOfDay)}";
    }

    public static string Time(TimeSpan time)
    {
        if (time is { Hours: 12, Minutes: 0 })
            return "midday";
        if (time is { Hours: 0, Minutes: 0 })
            return "midnight";
        var hour = time.Hours % 12 == 0 ? 12 : time.Hours % 12;
        var minutes = time.Minutes == 0 ? string.Empty : ":" + time.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return hour.ToString(CultureInfo.InvariantCulture) + minutes + (time.Hours < 12 ? "am" : "pm");
    }
}
