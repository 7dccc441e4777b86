using Escalation.Data.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Reports.Schedule;

/// <summary>
/// The hosted service that sends the quarterly board report when it falls due. It runs only when both its own switch
/// (<c>Escalation:Reports:QuarterlyMail:Enabled</c>) and the timers' switch (<c>Escalation:Dispatcher:Enabled</c>) are on,
/// so tests that drive timers by hand drive this one too. Time comes from <see cref="TimeProvider"/> only.
/// </summary>
public sealed partial class QuarterlyReportMailer(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<QuarterlyMailOptions> options, IOptions<DispatcherOptions> dispatcher,
    ILogger<QuarterlyReportMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !dispatcher.Value.Enabled)
            return;

        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wakeAt;
            try
            {
                wakeAt = await RunOnceAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The sender must outlive any one failure: it logs, waits, and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
                wakeAt = clock.GetUtcNow() + settings.PollInterval;
            }

            try
            {
                await ClockSleep.UntilAsync(wakeAt, clock, null, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<DateTimeOffset> RunOnceAsync(QuarterlyMailOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<QuarterlyReportProcessor>();
        await processor.EnsureScheduledAsync(ct);
        await processor.FireDueAsync(ct);
        var next = await processor.NextDueAtAsync(ct);
        var latest = clock.GetUtcNow() + settings.PollInterval;
        return next < latest ? next.Value : latest;
    }

    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "Sending the quarterly board report failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
