using Escalation.Core.Policies;
using static Escalation.Core.Tests.Calendar.TestCalendar;

namespace Escalation.Core.Tests.Calendar;

/// <summary>Deadlines: "N working days" ends 23:59:59 London time on the Nth working day after the day the stage began.</summary>
public class DueAtTests
{
    private static DateTimeOffset DueInWorkingDays(DateTimeOffset startedAt, int days) =>
        London.DueAt(startedAt, new Duration(days, null));

    private static DateTimeOffset DueInHours(DateTimeOffset startedAt, int hours) =>
        London.DueAt(startedAt, new Duration(null, hours));

    private static TimeSpan LocalTimeOfDay(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, London.TimeZone).TimeOfDay;

    [Fact]
    public void DueAt_FiveWorkingDaysRaisedFriday18December2026_DueTuesday29December()
    {
        var raised = Local(2026, 12, 18, 10, 0, offsetHours: 0);

        var due = DueInWorkingDays(raised, 5);

        Assert.Equal(Utc(2026, 12, 29, 23, 59, 59), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void DueAt_OneWorkingDayRaisedChristmasEve2026_DueTuesday29December()
    {
        var raised = Local(2026, 12, 24, 15, 0, offsetHours: 0);

        var due = DueInWorkingDays(raised, 1);

        Assert.Equal(Utc(2026, 12, 29, 23, 59, 59), due);
    }

    [Fact]
    public void DueAt_FiveWorkingDaysRaisedThursdayBeforeEaster2026_DueMonday13April()
    {
        // Good Friday 3 April and Easter Monday 6 April are skipped: 7, 8, 9, 10, 13 April.
        var raised = Local(2026, 4, 2, 10, 0, offsetHours: 1);

        var due = DueInWorkingDays(raised, 5);

        Assert.Equal(Utc(2026, 4, 13, 22, 59, 59), due);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    public void DueAt_OneWorkingDayRaisedAtTheWeekend_DueMonday(int dayInJune2026)
    {
        var raised = Local(2026, 6, dayInJune2026, 10, 0, offsetHours: 1);

        var due = DueInWorkingDays(raised, 1);

        Assert.Equal(Utc(2026, 6, 15, 22, 59, 59), due);
    }

    [Fact]
    public void DueAt_RaisedJustAfterMidnightOnAMonday_MondayDoesNotCount()
    {
        // 00:01 BST on Monday is still Sunday in UTC: the London date decides, and the start day never counts.
        var raised = Local(2026, 6, 15, 0, 1, offsetHours: 1);

        var due = DueInWorkingDays(raised, 1);

        Assert.Equal(Utc(2026, 6, 16, 22, 59, 59), due);
    }

    [Fact]
    public void DueAt_RaisedLateOnAFriday_CountsFromMonday()
    {
        // 23:30 BST on Friday 12 June 2026 is 22:30 UTC, the same date in both.
        var raised = Local(2026, 6, 12, 23, 30, offsetHours: 1);

        var due = DueInWorkingDays(raised, 1);

        Assert.Equal(Utc(2026, 6, 15, 22, 59, 59), due);
    }

    [Fact]
    public void DueAt_AcrossSpringForward29March2026_DueAt235959Bst()
    {
        var raised = Local(2026, 3, 27, 10, 0, offsetHours: 0);

        var due = DueInWorkingDays(raised, 1);

        Assert.Equal(Utc(2026, 3, 30, 22, 59, 59), due);
        Assert.Equal(new TimeSpan(23, 59, 59), LocalTimeOfDay(due));
    }

    [Fact]
    public void DueAt_BeforeSpringForward29March2026_DueAt235959Gmt()
    {
        var raised = Local(2026, 3, 26, 10, 0, offsetHours: 0);

        var due = DueInWorkingDays(raised, 1);

        Assert.Equal(Utc(2026, 3, 27, 23, 59, 59), due);
    }

    [Fact]
    public void DueAt_AcrossAutumnBack25October2026_DueAt235959Gmt()
    {
        var raised = Local(2026, 10, 23, 10, 0, offsetHours: 1);

        var due = DueInWorkingDays(raised, 1);

        Assert.Equal(Utc(2026, 10, 26, 23, 59, 59), due);
        Assert.Equal(new TimeSpan(23, 59, 59), LocalTimeOfDay(due));
    }

    [Fact]
    public void DueAt_RaisedSaturdayJustAfterMidnightBeforeAutumnBack_CountsFromMonday()
    {
        // 00:30 BST on Saturday 24 October 2026 is still Friday 23 October in UTC.
        var raised = Utc(2026, 10, 23, 23, 30);

        var due = DueInWorkingDays(raised, 1);

        Assert.Equal(Utc(2026, 10, 26, 23, 59, 59), due);
    }

    [Fact]
    public void DueAt_24HoursAcrossSpringForward_IsExactElapsedTime()
    {
        var raised = Utc(2026, 3, 28, 12, 0);

        var due = DueInHours(raised, 24);

        Assert.Equal(Utc(2026, 3, 29, 12, 0), due);
        Assert.Equal(new TimeSpan(13, 0, 0), LocalTimeOfDay(due));
    }

    [Fact]
    public void DueAt_24HoursAcrossAutumnBack_IsExactElapsedTime()
    {
        var raised = Utc(2026, 10, 24, 12, 0);

        var due = DueInHours(raised, 24);

        Assert.Equal(Utc(2026, 10, 25, 12, 0), due);
        Assert.Equal(new TimeSpan(12, 0, 0), LocalTimeOfDay(due));
    }

    [Fact]
    public void DueAt_HoursOverChristmas2026_IgnoresWeekendsAndBankHolidays()
    {
        var raised = Local(2026, 12, 24, 15, 0, offsetHours: 0);

        var due = DueInHours(raised, 72);

        Assert.Equal(Utc(2026, 12, 27, 15, 0), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(5, 24)]
    [InlineData(0, null)]
    [InlineData(null, 0)]
    [InlineData(-1, null)]
    public void DueAt_DurationNotExactlyOnePositiveValue_Throws(int? workingDays, int? hours)
    {
        var raised = Utc(2026, 6, 15, 10, 0);

        var ex = Assert.Throws<ArgumentException>(() => London.DueAt(raised, new Duration(workingDays, hours)));

        Assert.Equal("deadline", ex.ParamName);
    }
}
