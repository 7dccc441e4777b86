using Escalation.Core.Calendar;
using static Escalation.Core.Tests.Calendar.TestCalendar;

namespace Escalation.Core.Tests.Calendar;

public class WorkingDayCalendarTests
{
    [Theory]
    [InlineData(2026, 12, 24, true)]
    [InlineData(2026, 12, 25, false)]
    [InlineData(2026, 12, 26, false)]
    [InlineData(2026, 12, 27, false)]
    [InlineData(2026, 12, 28, false)]
    [InlineData(2026, 12, 29, true)]
    [InlineData(2027, 3, 26, false)]
    [InlineData(2028, 4, 17, false)]
    public void IsWorkingDay_WeekdaysWeekendsAndBankHolidays(int year, int month, int day, bool expected)
    {
        var result = London.IsWorkingDay(new DateOnly(year, month, day));

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("2026-06-14T23:30:00Z", "2026-06-15")]
    [InlineData("2026-12-14T23:30:00Z", "2026-12-14")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")]
    public void LocalDate_IsTheDateInLondon(string instant, string expected)
    {
        var result = London.LocalDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Fact]
    public void AddWorkingDays_FiveAfterFriday18December2026_IsTuesday29December()
    {
        var result = London.AddWorkingDays(new DateOnly(2026, 12, 18), 5);

        Assert.Equal(new DateOnly(2026, 12, 29), result);
    }

    [Fact]
    public void AddWorkingDays_MinusOneFromTuesday29December2026_IsThursday24December()
    {
        var result = London.AddWorkingDays(new DateOnly(2026, 12, 29), -1);

        Assert.Equal(new DateOnly(2026, 12, 24), result);
    }

    [Fact]
    public void AddWorkingDays_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => London.AddWorkingDays(new DateOnly(2026, 6, 15), 0));
    }

    [Fact]
    public void AddWorkingDays_PastTheLastCoveredYear_TreatsWeekdaysAsWorkingDays()
    {
        var lastFriday = new DateOnly(2028, 12, 29);

        var result = London.AddWorkingDays(lastFriday, 1);

        Assert.Equal(new DateOnly(2029, 1, 1), result);
        Assert.False(London.Covers(result));
    }

    [Theory]
    [InlineData(2026, 12, 29, "2026-12-29T23:59:59Z")]
    [InlineData(2026, 6, 15, "2026-06-15T22:59:59Z")]
    [InlineData(2026, 3, 29, "2026-03-29T22:59:59Z")]
    [InlineData(2026, 10, 25, "2026-10-25T23:59:59Z")]
    public void EndOfDay_Is235959London_InUtc(int year, int month, int day, string expected)
    {
        var result = London.EndOfDay(new DateOnly(year, month, day));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void WorkingDaysBetween_OverChristmas2026_SkipsWeekendAndBankHolidays()
    {
        var result = London.WorkingDaysBetween(Local(2026, 12, 18, 10, 0, 0), Local(2026, 12, 29, 9, 0, 0));

        Assert.Equal(5, result);
    }

    [Fact]
    public void WorkingDaysBetween_OverEaster2026_SkipsGoodFridayWeekendAndEasterMonday()
    {
        var result = London.WorkingDaysBetween(Local(2026, 4, 2, 16, 0, 1), Local(2026, 4, 7, 9, 0, 1));

        Assert.Equal(1, result);
    }

    [Fact]
    public void WorkingDaysBetween_FridayToMonday_IsOne()
    {
        var result = London.WorkingDaysBetween(Local(2026, 6, 12, 17, 0, 1), Local(2026, 6, 15, 9, 0, 1));

        Assert.Equal(1, result);
    }

    [Fact]
    public void WorkingDaysBetween_SameLondonDate_IsZero()
    {
        // Sunday 23:30 UTC is already Monday in London, the same day as the end.
        var result = London.WorkingDaysBetween(Utc(2026, 6, 14, 23, 30), Utc(2026, 6, 15, 16, 0));

        Assert.Equal(0, result);
    }

    [Fact]
    public void WorkingDaysBetween_EndBeforeStart_IsZero()
    {
        var result = London.WorkingDaysBetween(Utc(2026, 6, 19, 10, 0), Utc(2026, 6, 15, 10, 0));

        Assert.Equal(0, result);
    }

    [Theory]
    [InlineData(2019, 12, 31, false)]
    [InlineData(2020, 1, 1, true)]
    [InlineData(2028, 12, 31, true)]
    [InlineData(2029, 1, 1, false)]
    public void Covers_YearsInTheBankHolidayFile(int year, int month, int day, bool expected)
    {
        var result = London.Covers(new DateOnly(year, month, day));

        Assert.Equal(expected, result);
        Assert.Equal(2028, London.LastCoveredYear);
    }

    [Fact]
    public void FindEuropeLondon_IsGmtInWinterAndBstInSummer()
    {
        var zone = WorkingDayCalendar.FindEuropeLondon();

        Assert.Equal(TimeSpan.Zero, zone.GetUtcOffset(Utc(2026, 1, 15, 12, 0)));
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(Utc(2026, 7, 15, 12, 0)));
    }

    [Fact]
    public void Constructor_NoBankHolidays_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(TimeZoneInfo.Utc, []));
    }
}
