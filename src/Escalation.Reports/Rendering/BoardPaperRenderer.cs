using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Escalation.Reports.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Escalation.Reports.Rendering;

/// <summary>A board paper template that is missing, does not parse or fails to render; the message names the file and line.</summary>
public sealed class ReportTemplateException(string file, int? line, string problem, Exception? inner = null)
    : Exception($"{file}{(line is { } l ? $"({l.ToString(CultureInfo.InvariantCulture)})" : string.Empty)}: {problem}", inner);

/// <summary>
/// Renders the HTML board paper from <c>templates/reports/board.sbn</c> with Scriban. The template is parsed and tried
/// on a sample report at start-up, so a mistake in it stops the service rather than a board meeting.
/// </summary>
public sealed partial class BoardPaperRenderer
{
    public const string MediaType = "text/html";
    public const string TemplateFile = "board.sbn";

    private static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();

    private readonly Template _template;

    private BoardPaperRenderer(Template template) => _template = template;

    /// <param name="folder">The reports template folder (<c>templates/reports</c>).</param>
    /// <exception cref="ReportTemplateException">The template is missing, does not parse, or fails on a sample report.</exception>
    public static BoardPaperRenderer Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var path = Path.Combine(Path.GetFullPath(folder), TemplateFile);
        if (!File.Exists(path))
            throw new ReportTemplateException(path, null, "the board paper template is missing.");
        var template = Template.Parse(File.ReadAllText(path), path, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new ReportTemplateException(path, error.Span.Start.Line + 1, error.Message);
        }

        var renderer = new BoardPaperRenderer(template);
        renderer.Render(SampleReport.Create(), new DateOnly(2026, 7, 1));
        renderer.Render(SampleReport.Empty(), new DateOnly(2026, 4, 2));
        return renderer;
    }

    /// <summary>
    /// The policy to serve a rendered paper with: its style elements allowed by their SHA-256 hashes, images only as
    /// data, and no script, form, frame or base. The paper then looks the same in the service as saved to disk.
    /// </summary>
    public static string ContentSecurityPolicy(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var hashes = StyleElements().Matches(html)
            .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
        return $"default-src 'none'; style-src {string.Join(' ', hashes.DefaultIfEmpty("'none'"))}; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /// <param name="report">The report.</param>
    /// <param name="generatedOn">The local date the report was made, for the paper's heading.</param>
    public string Render(BoardReport report, DateOnly generatedOn)
    {
        ArgumentNullException.ThrowIfNull(report);
        var context = new TemplateContext(Builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = int.MaxValue,
            RecursiveLimit = 20,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(BoardPaperModel.Build(report, generatedOn));
        try
        {
            return _template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            var file = string.IsNullOrEmpty(ex.Span.FileName) ? _template.SourceFilePath ?? TemplateFile : ex.Span.FileName;
            throw new ReportTemplateException(file, ex.Span.Start.Line + 1, ex.OriginalMessage, ex);
        }
    }


    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElements();
}
