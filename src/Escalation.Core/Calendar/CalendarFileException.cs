namespace Escalation.Core.Calendar;

/// <summary>
/// A calendar data file (such as <c>workflows/bank-holidays.json</c>) could not be read.
/// The message names the file and the JSON path of the fault, so whoever edited it can find the mistake.
/// </summary>
public sealed class CalendarFileException : Exception
{
    public CalendarFileException()
    {
    }

    public CalendarFileException(string message)
        : base(message)
    {
    }

    public CalendarFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception whose message reads <c>file: path: problem</c>.</summary>
    public CalendarFileException(string fileName, string jsonPath, string problem, Exception? innerException = null)
        : base($"{fileName}: {jsonPath}: {problem}", innerException)
    {
        FileName = fileName;
        JsonPath = jsonPath;
    }

    /// <summary>The file at fault, as it was given to the loader.</summary>
    public string? FileName { get; }

    /// <summary>The JSON path of the fault, such as <c>$.events[3].date</c>.</summary>
    public string? JsonPath { get; }
}
