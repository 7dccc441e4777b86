using Escalation.Core.Calendar;
using Escalation.Core.Decisions;

namespace Escalation.Core.Tests.Decisions;

public class ReviewScheduleTests
{
    private static readonly TimeZoneInfo London = WorkingDayCalendar.FindEuropeLondon();

    [Fact]
    public void DueAt_10January2027_MidnightGreenwichMeanTime()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 10, 0, 0, 0, TimeSpan.Zero), ReviewSchedule.DueAt(new DateOnly(2027, 1, 10), London));
    }

    [Fact]
    public void DueAt_1June2027_MidnightBritishSummerTime()
    {
        Assert.Equal(new DateTimeOffset(2027, 5, 31, 23, 0, 0, TimeSpan.Zero), ReviewSchedule.DueAt(new DateOnly(2027, 6, 1), London));
    }

    [Fact]
    public void DueAt_ClocksGoForwardAtMidnight_FirstLocalTimeThatExists()
    {
        // A zone whose clocks go forward from 00:00 to 01:00 on the first Sunday of April.
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), 4, 1, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0, DateTimeKind.Unspecified), 10, 1, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        var zone = TimeZoneInfo.CreateCustomTimeZone("Midnight", TimeSpan.Zero, "Midnight", "Midnight", "Midnight Summer", [rule]);

        Assert.Equal(new DateTimeOffset(2027, 4, 4, 0, 0, 0, TimeSpan.Zero), ReviewSchedule.DueAt(new DateOnly(2027, 4, 4), zone));
    }
}
