using System.Globalization;
using System.Text.Json;

namespace Escalation.Core.Calendar;

/// <summary>One bank holiday: the date it is observed on (substitute days included) and its published title.</summary>
public sealed record BankHoliday(DateOnly Date, string Title);

/// <summary>
/// The bank holidays file the project ships (<c>workflows/bank-holidays.json</c>), copied from GOV.UK.
/// Events must be sorted by date with no duplicates; any fault throws <see cref="CalendarFileException"/>.
/// </summary>
public sealed class BankHolidayFile
{
    private const string DateFormat = "yyyy-MM-dd";

    private BankHolidayFile(string division, string? source, IReadOnlyList<BankHoliday> events)
    {
        Division = division;
        Source = source;
        Events = events;
    }

    /// <summary>The GOV.UK division, such as <c>england-and-wales</c>.</summary>
    public string Division { get; }

    /// <summary>Where the dates were copied from, if the file says.</summary>
    public string? Source { get; }

    /// <summary>The bank holidays, sorted by date.</summary>
    public IReadOnlyList<BankHoliday> Events { get; }

    /// <summary>The dates of <see cref="Events"/>, sorted.</summary>
    public IEnumerable<DateOnly> Dates => Events.Select(e => e.Date);

    /// <summary>The year of the first bank holiday in the file.</summary>
    public int FirstCoveredYear => Events[0].Date.Year;

    /// <summary>The year of the last bank holiday in the file; after it, a host should warn that the file needs new dates.</summary>
    public int LastCoveredYear => Events[^1].Date.Year;

    /// <summary>Reads and checks a bank holidays file. I/O errors (such as a missing file) propagate unchanged.</summary>
    /// <exception cref="CalendarFileException">The content is not a valid bank holidays file.</exception>
    public static BankHolidayFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Checks and reads the JSON text of a bank holidays file; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="CalendarFileException">The content is not a valid bank holidays file.</exception>
    public static BankHolidayFile Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(fileName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            // The reader's message ends with its own zero-based " LineNumber: 0 | BytePositionInLine: 55."; give one-based numbers instead.
            var reason = ex.Message;
            var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = suffix > 0 ? reason[..suffix] : reason;
            var where = $"line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}";
            throw new CalendarFileException(fileName, ex.Path ?? "$", $"not valid JSON ({where}): {reason}", ex);
        }

        using (document)
        {
            return Read(document.RootElement, fileName);
        }
    }

    private static BankHolidayFile Read(JsonElement root, string fileName)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fault(fileName, "$", $"expected an object, found {Describe(root)}");
        }

        var division = RequiredString(root, "division", "$", fileName);
        var source = OptionalString(root, "source", "$", fileName);
        OptionalString(root, "howToAdd", "$", fileName);

        if (!root.TryGetProperty("events", out var events))
        {
            throw Fault(fileName, "$.events", "is missing; expected a list of { \"date\", \"title\" } entries");
        }

        if (events.ValueKind != JsonValueKind.Array || events.GetArrayLength() == 0)
        {
            throw Fault(fileName, "$.events", $"expected a non-empty array, found {Describe(events)}");
        }

        var holidays = new List<BankHoliday>(events.GetArrayLength());
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            var path = $"$.events[{index}]";
            holidays.Add(ReadEvent(item, path, fileName, holidays.Count > 0 ? holidays[^1] : null, index));
            index++;
        }

        return new BankHolidayFile(division, source, holidays);
    }

    private static BankHoliday ReadEvent(JsonElement item, string path, string fileName, BankHoliday? previous, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Fault(fileName, path, $"expected an object, found {Describe(item)}");
        }

        var text = RequiredString(item, "date", path, fileName);
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Fault(fileName, $"{path}.date", $"'{text}' is not a date ({DateFormat})");
        }

        var title = RequiredString(item, "title", path, fileName);

        if (previous is not null && date <= previous.Date)
        {
            var previousPath = $"$.events[{index - 1}].date";
            throw Fault(
                fileName,
                $"{path}.date",
                date == previous.Date
                    ? $"'{text}' is a duplicate of {previousPath}"
                    : $"'{text}' comes before {previousPath} '{previous.Date.ToString(DateFormat, CultureInfo.InvariantCulture)}'; keep events sorted by date");
        }

        return new BankHoliday(date, title);
    }

    private static string RequiredString(JsonElement parent, string name, string parentPath, string fileName) =>
        OptionalString(parent, name, parentPath, fileName)
        ?? throw Fault(fileName, $"{parentPath}.{name}", "is missing");

    private static string? OptionalString(JsonElement parent, string name, string parentPath, string fileName)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Fault(fileName, $"{parentPath}.{name}", $"expected a non-empty string, found {Describe(value)}");
        }

        return value.GetString();
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"'{element.GetString()}'",
        JsonValueKind.Array => "an array" + (element.GetArrayLength() == 0 ? " with no entries" : string.Empty),
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => element.GetRawText(),
    };

    private static CalendarFileException Fault(string fileName, string path, string problem) =>
        new(fileName, path, problem);
}
