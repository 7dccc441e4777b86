namespace Escalation.Notifications.Templates;

/// <summary>
/// An email template is missing or broken. Thrown at start-up, so the service never runs with a mail it cannot render.
/// The message names the file and, where there is one, the line.
/// </summary>
public sealed class EmailTemplateException : Exception
{
    public EmailTemplateException(string file, int? line, string problem, Exception? innerException = null)
        : base(Describe(file, line, problem), innerException)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public EmailTemplateException()
        : this("(unknown)", null, "The email template is broken.")
    {
    }

    public EmailTemplateException(string message)
        : this("(unknown)", null, message)
    {
    }

    public EmailTemplateException(string message, Exception innerException)
        : this("(unknown)", null, message, innerException)
    {
    }

    /// <summary>The template file at fault.</summary>
    public string File { get; }

    /// <summary>The 1-based line at fault, if the fault is on one line.</summary>
    public int? Line { get; }

    public string Problem { get; }

    private static string Describe(string file, int? line, string problem) =>
        line is { } number
            ? $"Email template {file}, line {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {problem}"
            : $"Email template {file}: {problem}";
}
