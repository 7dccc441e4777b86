namespace Escalation.Core.Decisions;

/// <summary>When the reminder for a decision's review date goes out: at the start of that day, in the partnership's zone.</summary>
public static class ReviewSchedule
{
    /// <summary>
    /// The first instant of <paramref name="reviewDate"/> in <paramref name="zone"/>, as UTC. Where midnight does not
    /// exist (clocks going forward at midnight) it is the first local time that does; where it happens twice, the first.
    /// </summary>
    public static DateTimeOffset DueAt(DateOnly reviewDate, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = reviewDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
