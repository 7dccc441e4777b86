using Escalation.Reports.Periods;
using Escalation.Reports.Rendering;

namespace Escalation.Web.Tests.Reports;

/// <summary>Periods, the period before, quarters and financial years, and the choice of format: no host, no database.</summary>
public sealed class ReportPeriodTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void Previous_OfAQuarter_IsTheQuarterBefore_NotNinetyOneDays()
    {
        var previous = new ReportPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)).Previous();

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), previous);
    }

    [Fact]
    public void Previous_OfAFinancialYear_IsTheYearBefore()
    {
        Assert.Equal(ReportPeriod.FinancialYear(2025), ReportPeriod.FinancialYear(2026).Previous());
        Assert.Equal("Financial year 2026 to 2027", ReportPeriod.FinancialYear(2026).Label);
    }

    [Fact]
    public void Previous_OfOddDays_IsTheSameNumberOfDaysBefore()
    {
        var previous = new ReportPeriod(new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 19)).Previous();

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 9)), previous);
    }

    [Fact]
    public void Range_1April2026_StartsAt2300UtcOn31March_BecauseOfBst()
    {
        var (start, end) = LocalInstants.Range(new ReportPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)), London);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void QuarterContaining_31December_IsOctoberToDecember()
    {
        var quarter = ReportPeriod.QuarterContaining(new DateOnly(2026, 12, 31));

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), quarter);
        Assert.Equal("October to December 2026", quarter.Label);
    }

    [Theory]
    [InlineData(null, ReportFormat.Json)]
    [InlineData("", ReportFormat.Json)]
    [InlineData("text/csv", ReportFormat.Csv)]
    [InlineData("text/html,application/xhtml+xml,*/*;q=0.8", ReportFormat.Html)]
    [InlineData("application/json;q=0.2, text/csv;q=0.9", ReportFormat.Csv)]
    [InlineData("image/png", null)]
    public void FromAccept_ChoosesTheBestAcceptableFormat(string? accept, ReportFormat? expected) =>
        Assert.Equal(expected, ReportFormats.FromAccept(accept));
}
