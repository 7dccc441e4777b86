using Escalation.Reports.Queries;
using Escalation.Reports.Rendering;
using Escalation.Reports.Schedule;
using Escalation.Services.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Reports;

/// <summary>The one registration of the reports project.</summary>
public static class ReportsRegistration
{
    /// <summary>
    /// The board report (<see cref="BoardReportService"/>), its board paper template (loaded and tried now: a broken one
    /// throws <see cref="ReportTemplateException"/>), and the quarterly mail. Needs <c>AddEscalationData</c>, a
    /// <c>PolicyCatalog</c> and a <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">Reads <c>Escalation:Reports:*</c> and <c>Escalation:BaseUrl</c>.</param>
    /// <param name="templatesPath">The templates folder (<c>Escalation:Templates:Path</c>); the board paper is <c>reports/board.sbn</c>.</param>
    public static IServiceCollection AddEscalationReports(this IServiceCollection services, IConfiguration configuration, string templatesPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(templatesPath);
        services.AddSingleton(BoardPaperRenderer.Load(Path.Combine(templatesPath, "reports")));
        services.AddOptions<QuarterlyMailOptions>()
            .Bind(configuration.GetSection("Escalation:Reports:QuarterlyMail"))
            .Configure(o => o.BaseUrl = configuration["Escalation:BaseUrl"] ?? o.BaseUrl);
        services.AddScoped<BoardReportQuery>();
        services.AddScoped<BoardReportService>();
        services.AddScoped<QuarterlyReportProcessor>();
        if (configuration.GetValue("Escalation:Reports:QuarterlyMail:Enabled", true))
            services.AddScoped<ITimerHandler>(sp => sp.GetRequiredService<QuarterlyReportProcessor>());
        return services;
    }
}
