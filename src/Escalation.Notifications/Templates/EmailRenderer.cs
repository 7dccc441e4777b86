using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Calendar;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Escalation.Notifications.Templates;

/// <summary>One mail, rendered: a one-line subject, an HTML part and a plain-text part.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>
/// Renders mails from <see cref="EmailTemplates"/>. Variables are strict (a misspelt name fails at start-up, not
/// silently), and the HTML part sees only HTML-encoded values (see <see cref="EmailModel"/>).
/// </summary>
public sealed partial class EmailRenderer
{
    // Scriban's built-in functions, built once: making them afresh for every context costs more than the render itself.
    private static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();

    private readonly EmailTemplates _templates;
    private readonly EmailModel _model;

    public EmailRenderer(EmailTemplates templates, WorkingDayCalendar calendar, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(baseUrl);
        _templates = templates;
        _model = new EmailModel(new DateWords(calendar), baseUrl);
    }

    /// <summary>The link the mail carries, unencoded.</summary>
    public string LinkFor(MailFacts facts) => _model.LinkFor(facts);

    /// <exception cref="EmailTemplateException">A template failed while rendering; names the file and line.</exception>
    /// <exception cref="InvalidOperationException">There is no template for the key, or the mail lacks what it needs (its escalation, a token).</exception>
    public RenderedEmail Render(MailFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (subject, html, text) = _templates.For(facts.TemplateKey);
        if (RequiredPayload(facts) is { } missing)
            throw new InvalidOperationException($"A '{facts.TemplateKey}' mail needs '{missing}' in its payload.");
        if (EmailTemplateKeys.IsAboutEscalation(facts.TemplateKey) && facts.Escalation is null)
            throw new InvalidOperationException($"A '{facts.TemplateKey}' mail needs its escalation.");
        var raw = _model.Build(facts, html: false);
        var encoded = _model.Build(facts, html: true);
        var subjectLine = OneLine(Run(subject, raw, content: null));
        return new RenderedEmail(
            subjectLine,
            Run(_templates.HtmlLayout, encoded, Run(html, encoded, content: null), System.Net.WebUtility.HtmlEncode(subjectLine)),
            Run(_templates.TextLayout, raw, Run(text, raw, content: null).Trim(), subjectLine));
    }

    private static string Run(Template template, ScriptObject model, string? content, string? subject = null)
    {
        var context = new TemplateContext(Builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = 1000,
            RecursiveLimit = 20,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(model);
        if (content is not null)
        {
            // The layout's own values: the part already rendered (trusted output of our templates) and the subject.
            context.PushGlobal(new ScriptObject { ["content"] = content, ["subject"] = subject });
        }

        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            var file = string.IsNullOrEmpty(ex.Span.FileName) ? template.SourceFilePath ?? "(unknown)" : ex.Span.FileName;
            throw new EmailTemplateException(file, ex.Span.Start.Line + 1, ex.OriginalMessage, ex);
        }
    }

    private static string? RequiredPayload(MailFacts facts) => facts.TemplateKey switch
    {
        EmailTemplateKeys.Invitation or EmailTemplateKeys.PasswordReset when string.IsNullOrEmpty(facts.Payload.GetValueOrDefault("token")) => "token",
        _ when EmailTemplateKeys.IsAboutAssessment(facts.TemplateKey) && string.IsNullOrEmpty(facts.Payload.GetValueOrDefault("assessmentId") ?? facts.Payload.GetValueOrDefault("id")) => "assessmentId",
        _ => null,
    };

    private static string OneLine(string subject) => Whitespace().Replace(subject, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
