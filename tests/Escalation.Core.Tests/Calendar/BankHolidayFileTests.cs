using Escalation.Core.Calendar;

namespace Escalation.Core.Tests.Calendar;

/// <summary>Checks on the real <c>workflows/bank-holidays.json</c>.</summary>
public class BankHolidayFileTests
{
    public static TheoryData<int> Years2020To2028 => [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028];

    [Fact]
    public void Load_ShippedFile_IsEnglandAndWalesFromGovUk()
    {
        var file = TestCalendar.File;

        Assert.Equal("england-and-wales", file.Division);
        Assert.Equal("https://www.gov.uk/bank-holidays", file.Source);
    }

    [Fact]
    public void Load_ShippedFile_Covers2020To2028()
    {
        var file = TestCalendar.File;

        Assert.Equal(2020, file.FirstCoveredYear);
        Assert.Equal(2028, file.LastCoveredYear);
    }

    [Theory]
    [MemberData(nameof(Years2020To2028))]
    public void Load_ShippedFile_HasAtLeastEightBankHolidaysInYear(int year)
    {
        var count = TestCalendar.File.Dates.Count(d => d.Year == year);

        Assert.True(count >= 8, $"{year} has {count} bank holidays");
    }

    [Fact]
    public void Load_ShippedFile_IsSortedAndUnique()
    {
        var dates = TestCalendar.File.Dates.ToList();

        Assert.Equal(dates.Order(), dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());
    }

    [Fact]
    public void Load_ShippedFile_EveryBankHolidayFallsOnAWeekday()
    {
        var weekend = TestCalendar.File.Events
            .Where(e => e.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        Assert.Empty(weekend);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28")]
    [InlineData("2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28")]
    [InlineData("2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26")]
    public void Load_ShippedFile_HasExactlyThePublishedDatesFor2026To2028(params string[] expected)
    {
        var year = DateOnly.Parse(expected[0], System.Globalization.CultureInfo.InvariantCulture).Year;

        var actual = TestCalendar.File.Dates.Where(d => d.Year == year)
            .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(2020, 5, 8, "Early May bank holiday (VE day)")]
    [InlineData(2020, 12, 28, "Boxing Day (substitute day)")]
    [InlineData(2022, 6, 2, "Spring bank holiday")]
    [InlineData(2022, 6, 3, "Platinum Jubilee bank holiday")]
    [InlineData(2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData(2023, 5, 8, "Bank holiday for the coronation of King Charles III")]
    [InlineData(2027, 12, 27, "Christmas Day (substitute day)")]
    [InlineData(2028, 1, 3, "New Year’s Day (substitute day)")]
    public void Load_ShippedFile_HasSpecialAndSubstituteDays(int year, int month, int day, string title)
    {
        var holiday = TestCalendar.File.Events.Single(e => e.Date == new DateOnly(year, month, day));

        Assert.Equal(title, holiday.Title);
    }

    [Fact]
    public void Load_ShippedFile_2020HasNoEarlyMayMonday()
    {
        // The 2020 early May bank holiday moved from Monday 4 May to Friday 8 May for VE day.
        var calendar = TestCalendar.London;

        Assert.True(calendar.IsWorkingDay(new DateOnly(2020, 5, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2020, 5, 8)));
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-bank-holidays-{Guid.NewGuid():N}.json");

        Assert.Throws<FileNotFoundException>(() => BankHolidayFile.Load(path));
    }
}
