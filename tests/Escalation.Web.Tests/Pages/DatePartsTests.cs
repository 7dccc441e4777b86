using Escalation.Web.Pages.Govuk;

namespace Escalation.Web.Tests.Pages;

/// <summary>A date typed into GOV.UK's three boxes: the month as a number or a name.</summary>
public sealed class DatePartsTests
{
    [Theory]
    [InlineData("12")]
    [InlineData("Dec")]
    [InlineData("dec.")]
    [InlineData("December")]
    [InlineData(" DECEMBER ")]
    public void ToDate_MonthAsNumberOrName_IsTheSameDay(string month)
    {
        Assert.Equal(new DateOnly(2026, 12, 7), new DateParts { Day = "7", Month = month, Year = "2026" }.ToDate());
    }

    [Theory]
    [InlineData("sept", 9)]
    [InlineData("Mar", 3)]
    [InlineData("may", 5)]
    [InlineData("jul", 7)]
    public void ToDate_ShortenedMonthName_IsThatMonth(string month, int number)
    {
        Assert.Equal(new DateOnly(2026, number, 1), new DateParts { Day = "1", Month = month, Year = "2026" }.ToDate());
    }

    [Theory]
    [InlineData("31", "Feb", "2026")]
    [InlineData("1", "Ju", "2026")] // June or July: too short to tell
    [InlineData("1", "Decembre", "2026")]
    [InlineData("1", "13", "2026")]
    [InlineData("1", "-1", "2026")]
    [InlineData("x", "12", "2026")]
    public void ToDate_NotARealDate_IsNull(string day, string month, string year)
    {
        Assert.Null(new DateParts { Day = day, Month = month, Year = year }.ToDate());
    }
}
