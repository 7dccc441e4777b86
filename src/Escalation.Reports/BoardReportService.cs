using System.Text;
using Escalation.Core.Policies;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Escalation.Reports.Queries;
using Escalation.Reports.Rendering;

namespace Escalation.Reports;

/// <summary>
/// A rendered report: its bytes, media type and a file name for a download; for the board paper, also the
/// Content-Security-Policy to serve it with (its own style element, by hash, and nothing else).
/// </summary>
public sealed record RenderedReport(byte[] Content, string MediaType, string FileName, string? ContentSecurityPolicy = null);

/// <summary>The one entry point for the API, the board page and the quarterly mail: build a period's report and render it.</summary>
public sealed class BoardReportService(BoardReportQuery query, BoardPaperRenderer paper, PolicyCatalog catalog)
{
    public Task<BoardReport> BuildAsync(ReportPeriod period, CancellationToken ct = default) => query.BuildAsync(period, ct);

    public RenderedReport Render(BoardReport report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        var period = report.Current.Period;
        var name = $"board-report-{ReportPeriod.Iso(period.From)}-to-{ReportPeriod.Iso(period.To)}.{ReportFormats.Extension(format)}";
        if (format == ReportFormat.Html)
        {
            var html = paper.Render(report, catalog.Calendar.LocalDate(report.GeneratedAt));
            return new RenderedReport(new UTF8Encoding(false).GetBytes(html), ReportFormats.MediaType(format), name,
                BoardPaperRenderer.ContentSecurityPolicy(html));
        }

        var content = format == ReportFormat.Csv ? BoardReportCsv.Write(report) : BoardReportJson.Write(report);
        return new RenderedReport(content, ReportFormats.MediaType(format), name);
    }

    public async Task<RenderedReport> RenderAsync(ReportPeriod period, ReportFormat format, CancellationToken ct = default) =>
        Render(await BuildAsync(period, ct), format);
}
