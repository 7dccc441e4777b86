using Scriban;
using Scriban.Parsing;

namespace Escalation.Notifications.Templates;

/// <summary>
/// The parsed email templates of one folder (normally <c>templates/email/</c>): for each key a subject
/// (<c>raised.subject.sbn</c>), an HTML part (<c>raised.html.sbn</c>) and a text part (<c>raised.text.sbn</c>),
/// wrapped in the shared <c>_layout.html.sbn</c> and <c>_layout.text.sbn</c>.
/// </summary>
public sealed class EmailTemplates
{
    public const string HtmlLayoutFile = "_layout.html.sbn";
    public const string TextLayoutFile = "_layout.text.sbn";

    private readonly Dictionary<string, Template> _templates;

    private EmailTemplates(string folder, Dictionary<string, Template> templates)
    {
        Folder = folder;
        _templates = templates;
    }

    public string Folder { get; }

    internal Template HtmlLayout => _templates[HtmlLayoutFile];

    internal Template TextLayout => _templates[TextLayoutFile];

    public static string SubjectFile(string key) => key + ".subject.sbn";

    public static string HtmlFile(string key) => key + ".html.sbn";

    public static string TextFile(string key) => key + ".text.sbn";

    /// <summary>Whether there are templates for this key.</summary>
    public bool Has(string key) => _templates.ContainsKey(SubjectFile(key));

    internal (Template Subject, Template Html, Template Text) For(string key) =>
        Has(key)
            ? (_templates[SubjectFile(key)], _templates[HtmlFile(key)], _templates[TextFile(key)])
            : throw new InvalidOperationException($"There is no email template for '{key}'.");

    /// <summary>
    /// Parses every template in <paramref name="folder"/>, then renders each one for sample mails to every kind of
    /// reader, so that a mistake shows at start-up rather than in a mail that never goes.
    /// </summary>
    /// <exception cref="EmailTemplateException">A template is missing, does not parse, or fails to render; the message names the file and line.</exception>
    public static EmailTemplates Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            throw new EmailTemplateException(full, null, "the email template folder does not exist.");

        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var required in RequiredFiles())
        {
            var path = Path.Combine(full, required);
            if (!File.Exists(path))
                throw new EmailTemplateException(path, null, "this template is missing; every email needs a subject, an HTML and a text template.");
        }

        foreach (var path in Directory.EnumerateFiles(full, "*.sbn").Order(StringComparer.Ordinal))
        {
            templates[Path.GetFileName(path)] = Parse(path);
        }

        var loaded = new EmailTemplates(full, templates);
        loaded.Check();
        return loaded;
    }

    private static IEnumerable<string> RequiredFiles() =>
        EmailTemplateKeys.All.SelectMany(k => new[] { SubjectFile(k), HtmlFile(k), TextFile(k) }).Append(HtmlLayoutFile).Append(TextLayoutFile);

    private static Template Parse(string path)
    {
        var template = Template.Parse(File.ReadAllText(path), path, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new EmailTemplateException(path, error.Span.Start.Line + 1, error.Message);
        }

        return template;
    }

    private void Check()
    {
        var renderer = new EmailRenderer(this, SampleFacts.Calendar, new Uri(MailOptions.DefaultBaseUrl));
        foreach (var facts in SampleFacts.All())
        {
            renderer.Render(facts);
        }
    }
}
