using System.Text;
using Escalation.Core.Policies;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Escalation.Reports.Queries;
using Escalation.Reports.Rendering;

namespace Escalation.Reports;

/// <summary>A rendered report: its bytes, media type and a file name for a download.</summary>
public sealed record RenderedReport(byte[] Content, string MediaType, string FileName);

/// <summary>The one entry point for the API, the board page and the quarterly mail: build a period's report and render it.</summary>
public sealed class BoardReportService(BoardReportQuery query, BoardPaperRenderer paper, PolicyCatalog catalog)
{
    public Task<BoardReport> BuildAsync(ReportPeriod period, CancellationToken ct = default) => query.BuildAsync(period, ct);

    public RenderedReport Render(BoardReport report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        var content = format switch
        {
            ReportFormat.Csv => BoardReportCsv.Write(report),
            ReportFormat.Html => new UTF8Encoding(false).GetBytes(paper.Render(report, catalog.Calendar.LocalDate(report.GeneratedAt))),
            _ => BoardReportJson.Write(report),
        };
        var period = report.Current.Period;
        var name = $"board-report-{ReportPeriod.Iso(period.From)}-to-{ReportPeriod.Iso(period.To)}.{ReportFormats.Extension(format)}";
        return new RenderedReport(content, ReportFormats.MediaType(format), name);
    }

    public async Task<RenderedReport> RenderAsync(ReportPeriod period, ReportFormat format, CancellationToken ct = default) =>
        Render(await BuildAsync(period, ct), format);
}
