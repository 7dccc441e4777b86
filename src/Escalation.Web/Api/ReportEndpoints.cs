using Escalation.Core.Engine;
using Escalation.Reports;
using Escalation.Reports.Periods;
using Escalation.Reports.Rendering;
using Microsoft.Net.Http.Headers;

namespace Escalation.Web.Api;

/// <summary>
/// <c>GET /api/reports/board?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>: the board report, for the board's business unit and
/// chair, report viewers and administrators. <c>Accept</c> chooses JSON (the default), CSV or the HTML board paper.
/// </summary>
internal static class ReportEndpoints
{
    public static readonly string[] ReportRoles = [Roles.BoardBusinessUnit, Roles.BoardChair, Roles.ReportViewer, Roles.Admin];

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/board", BoardReport)
            .WithTags("Reports")
            .RequireAuthorization(p => p.RequireRole(ReportRoles))
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/csv", "text/html"])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
        return api;
    }

    private static async Task<IResult> BoardReport(string? from, string? to, HttpRequest request, BoardReportService reports, CancellationToken ct)
    {
        var period = ReportPeriod.TryParse(from, to, out var errors);
        if (period is null)
            return Problems.Invalid(errors);
        if (ReportFormats.FromAccept(request.Headers.Accept.ToString()) is not { } format)
        {
            return TypedResults.Problem(title: "Not acceptable",
                detail: "The board report is given as application/json, text/csv or text/html.", statusCode: StatusCodes.Status406NotAcceptable);
        }

        var report = await reports.RenderAsync(period, format, ct);
        request.HttpContext.Response.Headers.Vary = HeaderNames.Accept;
        if (report.ContentSecurityPolicy is { } policy)
            request.HttpContext.Response.Headers.ContentSecurityPolicy = policy;
        if (format == ReportFormat.Csv)
        {
            request.HttpContext.Response.Headers.ContentDisposition =
                new ContentDispositionHeaderValue("attachment") { FileNameStar = report.FileName }.ToString();
        }

        return TypedResults.Bytes(report.Content, report.MediaType);
    }
}
