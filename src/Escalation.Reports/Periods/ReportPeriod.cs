using System.Globalization;

namespace Escalation.Reports.Periods;

/// <summary>
/// A reporting period: whole dates in the partnership's time zone, both ends included. An escalation counts in the
/// period in which it was raised.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The longest period a report may cover.</summary>
    public const int MaxYears = 5;

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>True when the period starts on the first of a month and ends on the last day of a month.</summary>
    public bool IsWholeMonths => From.Day == 1 && To.AddDays(1).Day == 1;

    public int Months => ((To.Year - From.Year) * 12) + To.Month - From.Month + 1;

    public bool IsQuarter => IsWholeMonths && Months == 3 && (From.Month - 1) % 3 == 0;

    public bool IsFinancialYear => IsWholeMonths && Months == 12 && From.Month == 4;

    /// <summary>
    /// The period of equal length just before this one: whole months are compared with the same number of whole months
    /// (April to June with January to March), any other period with the same number of days.
    /// </summary>
    public ReportPeriod Previous() => IsWholeMonths
        ? new ReportPeriod(From.AddMonths(-Months), From.AddDays(-1))
        : new ReportPeriod(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>The calendar quarter (January to March, April to June, July to September, October to December) holding the day.</summary>
    public static ReportPeriod QuarterContaining(DateOnly day)
    {
        var start = new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
        return new ReportPeriod(start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>The financial year, 1 April to 31 March, that starts in <paramref name="startYear"/>.</summary>
    public static ReportPeriod FinancialYear(int startYear) =>
        new(new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));

    /// <summary>The financial year holding the day.</summary>
    public static ReportPeriod FinancialYearContaining(DateOnly day) => FinancialYear(day.Month >= 4 ? day.Year : day.Year - 1);

    /// <summary>The months the period touches, each cut to the period: the buckets of the month-by-month series.</summary>
    public IReadOnlyList<ReportPeriod> MonthsWithin()
    {
        var months = new List<ReportPeriod>();
        for (var start = new DateOnly(From.Year, From.Month, 1); start <= To; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1);
            months.Add(new ReportPeriod(start < From ? From : start, end > To ? To : end));
        }

        return months;
    }

    /// <summary>Words for a heading: "April to June 2026", "Financial year 2026 to 2027", or "3 May 2026 to 9 June 2026".</summary>
    public string Label
    {
        get
        {
            if (IsFinancialYear)
                return string.Create(CultureInfo.InvariantCulture, $"Financial year {From.Year} to {To.Year}");
            if (IsWholeMonths && From.Year == To.Year)
                return Months == 1
                    ? $"{MonthNames[From.Month - 1]} {From.Year.ToString(CultureInfo.InvariantCulture)}"
                    : $"{MonthNames[From.Month - 1]} to {MonthNames[To.Month - 1]} {To.Year.ToString(CultureInfo.InvariantCulture)}";
            return $"{Words(From)} to {Words(To)}";
        }
    }

    /// <summary>A month's short name for chart labels: "Apr 2026".</summary>
    public string MonthLabel => $"{MonthNames[From.Month - 1][..3]} {From.Year.ToString(CultureInfo.InvariantCulture)}";

    public static string Words(DateOnly day) =>
        $"{day.Day.ToString(CultureInfo.InvariantCulture)} {MonthNames[day.Month - 1]} {day.Year.ToString(CultureInfo.InvariantCulture)}";

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> as <c>YYYY-MM-DD</c>. Errors are keyed by the field at fault: a missing or
    /// malformed date, <c>to</c> before <c>from</c>, or a period longer than <see cref="MaxYears"/> years.
    /// </summary>
    public static ReportPeriod? TryParse(string? from, string? to, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var fromDate = ParseDate(from, "from", errors);
        var toDate = ParseDate(to, "to", errors);
        if (fromDate is not { } start || toDate is not { } end)
            return null;
        if (end < start)
        {
            errors["to"] = ["'to' must be on or after 'from'."];
            return null;
        }

        if (end >= start.AddYears(MaxYears))
        {
            errors["to"] = [$"A report covers at most {MaxYears} years; choose a 'to' date before {Iso(start.AddYears(MaxYears))}."];
            return null;
        }

        return new ReportPeriod(start, end);
    }

    private static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"'{field}' is required, as a date YYYY-MM-DD."];
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day.Year < 2000 || day.Year > 2200)
        {
            errors[field] = [$"'{field}' must be a date YYYY-MM-DD between the years 2000 and 2200."];
            return null;
        }

        return day;
    }
}
