using Escalation.Core.Calendar;

namespace Escalation.Core.Tests.Calendar;

public class BankHolidayFileErrorTests
{
    private const string FileName = "bank-holidays.json";

    private static CalendarFileException ParseFails(string json) =>
        Assert.Throws<CalendarFileException>(() => BankHolidayFile.Parse(json, FileName));

    private static string WithEvents(string events) =>
        $$"""{ "division": "england-and-wales", "events": [ {{events}} ] }""";

    [Fact]
    public void Parse_ValidFile_ReadsDatesAndTitles()
    {
        var json = WithEvents("""{ "date": "2026-12-25", "title": "Christmas Day" }, { "date": "2026-12-28", "title": "Boxing Day" }""");

        var file = BankHolidayFile.Parse(json, FileName);

        Assert.Equal([new BankHoliday(new DateOnly(2026, 12, 25), "Christmas Day"), new BankHoliday(new DateOnly(2026, 12, 28), "Boxing Day")], file.Events);
        Assert.Equal(2026, file.LastCoveredYear);
    }

    [Fact]
    public void Parse_BrokenJson_NamesFileAndLine()
    {
        var ex = ParseFails("""{ "division": "england-and-wales", "events": [ { "date": "2026-12-25", """);

        Assert.StartsWith("bank-holidays.json: $", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON (line 1, position 72): ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", ex.Message, StringComparison.Ordinal);
        Assert.Equal(FileName, ex.FileName);
    }

    [Fact]
    public void Parse_RootIsNotAnObject_NamesRoot()
    {
        var ex = ParseFails("[]");

        Assert.Equal("bank-holidays.json: $: expected an object, found an array with no entries", ex.Message);
    }

    [Fact]
    public void Parse_ImpossibleDate_NamesEventDate()
    {
        var json = WithEvents("""
            { "date": "2026-01-01", "title": "a" }, { "date": "2026-04-03", "title": "b" },
            { "date": "2026-04-06", "title": "c" }, { "date": "2026-13-01", "title": "d" }
            """);

        var ex = ParseFails(json);

        Assert.Equal("bank-holidays.json: $.events[3].date: '2026-13-01' is not a date (yyyy-MM-dd)", ex.Message);
        Assert.Equal("$.events[3].date", ex.JsonPath);
    }

    [Theory]
    [InlineData("25/12/2026")]
    [InlineData("2026-12-25T00:00:00")]
    [InlineData("2026-2-3")]
    public void Parse_DateInOtherFormat_NamesEventDate(string date)
    {
        var ex = ParseFails(WithEvents($$"""{ "date": "{{date}}", "title": "x" }"""));

        Assert.Equal($"bank-holidays.json: $.events[0].date: '{date}' is not a date (yyyy-MM-dd)", ex.Message);
    }

    [Fact]
    public void Parse_DateIsANumber_NamesEventDate()
    {
        var ex = ParseFails(WithEvents("""{ "date": 20261225, "title": "x" }"""));

        Assert.Equal("bank-holidays.json: $.events[0].date: expected a non-empty string, found 20261225", ex.Message);
    }

    [Fact]
    public void Parse_DuplicateDate_NamesBothEvents()
    {
        var json = WithEvents("""{ "date": "2026-12-25", "title": "a" }, { "date": "2026-12-25", "title": "b" }""");

        var ex = ParseFails(json);

        Assert.Equal("bank-holidays.json: $.events[1].date: '2026-12-25' is a duplicate of $.events[0].date", ex.Message);
    }

    [Fact]
    public void Parse_UnsortedDates_NamesEventOutOfOrder()
    {
        var json = WithEvents("""{ "date": "2026-12-28", "title": "a" }, { "date": "2026-12-25", "title": "b" }""");

        var ex = ParseFails(json);

        Assert.Equal(
            "bank-holidays.json: $.events[1].date: '2026-12-25' comes before $.events[0].date '2026-12-28'; keep events sorted by date",
            ex.Message);
    }

    [Fact]
    public void Parse_MissingEvents_NamesEvents()
    {
        var ex = ParseFails("""{ "division": "england-and-wales" }""");

        Assert.StartsWith("bank-holidays.json: $.events: is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyEvents_NamesEvents()
    {
        var ex = ParseFails(WithEvents(string.Empty));

        Assert.Equal("bank-holidays.json: $.events: expected a non-empty array, found an array with no entries", ex.Message);
    }

    [Fact]
    public void Parse_MissingTitle_NamesEventTitle()
    {
        var ex = ParseFails(WithEvents("""{ "date": "2026-12-25" }"""));

        Assert.Equal("bank-holidays.json: $.events[0].title: is missing", ex.Message);
    }

    [Fact]
    public void Parse_MissingDivision_NamesDivision()
    {
        var ex = ParseFails("""{ "events": [ { "date": "2026-12-25", "title": "x" } ] }""");

        Assert.Equal("bank-holidays.json: $.division: is missing", ex.Message);
    }

    [Fact]
    public void Load_BadFileOnDisk_NamesThePathGiven()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bank-holidays-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, WithEvents("""{ "date": "2026-02-30", "title": "x" }"""));
        try
        {
            var ex = Assert.Throws<CalendarFileException>(() => BankHolidayFile.Load(path));

            Assert.Equal($"{path}: $.events[0].date: '2026-02-30' is not a date (yyyy-MM-dd)", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
