using System.Globalization;

namespace Escalation.Core.Engine;

/// <summary>
/// The words a history entry adds when its timer was acted on late: the service was stopped when the timer fell due,
/// and caught up when it started again. A timer acted on within <see cref="Threshold"/> of falling due is on time, and
/// its entry reads as it always has.
/// </summary>
public static class LateTimer
{
    /// <summary>
    /// How late a timer must be acted on to count as late. The dispatcher polls every second and catches up a busy batch
    /// within seconds, so only downtime makes a timer this late.
    /// </summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(5);

    private const string Opening = "It fell due at ";

    // The invariant culture's day and month names are the English ones; the service runs without culture data.
    private static readonly DateTimeFormatInfo Names = CultureInfo.InvariantCulture.DateTimeFormat;

    public static bool IsLate(DateTimeOffset? fellDueAt, DateTimeOffset actedAt) => fellDueAt is { } due && actedAt - due > Threshold;

    /// <summary>"It fell due at 11:59pm on Tuesday 29 December 2026, while the service was stopped, and was acted on at 9:05am on ...".</summary>
    public static string Sentence(DateTimeOffset fellDueAt, DateTimeOffset actedAt, TimeZoneInfo zone) =>
        $"{Opening}{Words(fellDueAt, zone)}, while the service was stopped, and was acted on at {Words(actedAt, zone)}.";

    /// <summary>The late-timer sentence of a history note, or null if the timer was acted on in time.</summary>
    public static string? Find(string? note)
    {
        var at = note?.IndexOf(Opening, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : note![at..];
    }

    private static string Words(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var time = local.Minute == 0
            ? hour.ToString(CultureInfo.InvariantCulture)
            : hour.ToString(CultureInfo.InvariantCulture) + ":" + local.Minute.ToString("00", CultureInfo.InvariantCulture);
        return $"{time}{(local.Hour < 12 ? "am" : "pm")} on {local.ToString("dddd d MMMM yyyy", Names)}";
    }
}
