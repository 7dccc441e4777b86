using Escalation.Core.Policies;
using static Escalation.Core.Tests.Calendar.TestCalendar;

namespace Escalation.Core.Tests.Calendar;

public class ReminderAtTests
{
    private static DateTimeOffset WorkingDaysBefore(DateTimeOffset due, int days) =>
        London.ReminderAt(due, new ReminderOffset(days, null));

    private static DateTimeOffset HoursBefore(DateTimeOffset due, int hours) =>
        London.ReminderAt(due, new ReminderOffset(null, hours));

    [Fact]
    public void ReminderAt_OneWorkingDayBeforeTuesday29December2026_IsThursday24December()
    {
        var due = Utc(2026, 12, 29, 23, 59, 59);

        var reminder = WorkingDaysBefore(due, 1);

        Assert.Equal(Utc(2026, 12, 24, 23, 59, 59), reminder);
    }

    [Fact]
    public void ReminderAt_FourHoursBeforeUrgentDeadlineAfterChristmas2026_Is195959()
    {
        var due = London.DueAt(Local(2026, 12, 24, 15, 0, offsetHours: 0), new Duration(1, null));

        var reminder = HoursBefore(due, 4);

        Assert.Equal(Utc(2026, 12, 29, 19, 59, 59), reminder);
    }

    [Fact]
    public void ReminderAt_FiveWorkingDaysBeforeMonday13April2026_SkipsEaster()
    {
        var due = Utc(2026, 4, 13, 22, 59, 59);

        var reminder = WorkingDaysBefore(due, 5);

        Assert.Equal(Utc(2026, 4, 2, 22, 59, 59), reminder);
    }

    [Fact]
    public void ReminderAt_OneWorkingDayBeforeAcrossSpringForward2026_Is235959Gmt()
    {
        var due = Utc(2026, 3, 30, 22, 59, 59);

        var reminder = WorkingDaysBefore(due, 1);

        Assert.Equal(Utc(2026, 3, 27, 23, 59, 59), reminder);
    }

    [Fact]
    public void ReminderAt_OneWorkingDayBeforeAcrossAutumnBack2026_Is235959Bst()
    {
        var due = Utc(2026, 10, 26, 23, 59, 59);

        var reminder = WorkingDaysBefore(due, 1);

        Assert.Equal(Utc(2026, 10, 23, 22, 59, 59), reminder);
    }

    [Fact]
    public void ReminderAt_24HoursBeforeAcrossSpringForward_IsExactElapsedTime()
    {
        var due = Utc(2026, 3, 29, 12, 0);

        var reminder = HoursBefore(due, 24);

        Assert.Equal(Utc(2026, 3, 28, 12, 0), reminder);
    }

    [Fact]
    public void ReminderAt_WorkingDaysBeforeADeadlineOnASaturday_CountsBackFromTheDueDate()
    {
        // An hour-based deadline at 13:00 BST on Saturday 13 June 2026: one working day before is Friday, same time.
        var due = Utc(2026, 6, 13, 12, 0);

        var reminder = WorkingDaysBefore(due, 1);

        Assert.Equal(Utc(2026, 6, 12, 12, 0), reminder);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(1, 4)]
    [InlineData(0, null)]
    [InlineData(null, -2)]
    public void ReminderAt_OffsetNotExactlyOnePositiveValue_Throws(int? workingDaysBefore, int? hoursBefore)
    {
        var due = Utc(2026, 12, 29, 23, 59, 59);

        var ex = Assert.Throws<ArgumentException>(() => London.ReminderAt(due, new ReminderOffset(workingDaysBefore, hoursBefore)));

        Assert.Equal("reminder", ex.ParamName);
    }
}
