using Escalation.Core.Calendar;
using Escalation.Core.Tests.TestSupport;

namespace Escalation.Core.Tests.Calendar;

/// <summary>The real England and Wales calendar, from the file the project ships.</summary>
internal static class TestCalendar
{
    private static readonly Lazy<BankHolidayFile> LazyFile =
        new(() => BankHolidayFile.Load(Path.Combine(RepoPaths.Workflows, "bank-holidays.json")));

    private static readonly Lazy<WorkingDayCalendar> LazyLondon =
        new(() => new WorkingDayCalendar(WorkingDayCalendar.FindEuropeLondon(), File.Dates));

    public static BankHolidayFile File => LazyFile.Value;

    public static WorkingDayCalendar London => LazyLondon.Value;

    /// <summary>An instant written as London wall-clock time with its offset (0 for GMT, 1 for BST).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
