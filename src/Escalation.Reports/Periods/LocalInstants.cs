namespace Escalation.Reports.Periods;

/// <summary>Where local dates begin, as UTC instants, in the partnership's time zone.</summary>
public static class LocalInstants
{
    /// <summary>The first instant of <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // In a zone whose clocks skip midnight, the day starts at the first local time that exists.
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        // Where midnight happens twice, the day starts at the first of them: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The period as a half-open range of instants: from the start of its first day to the start of the day after its last.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Range(ReportPeriod period, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        return (StartOf(period.From, zone), StartOf(period.To.AddDays(1), zone));
    }

    /// <summary>A local time of day on a local date, as a UTC instant; a time the clocks skip moves to the first that exists.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
