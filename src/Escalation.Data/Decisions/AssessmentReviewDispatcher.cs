using Escalation.Data.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Data.Decisions;

/// <summary>
/// The hosted service that sends review reminders when they fall due. It shares the escalation timers' switch
/// (<c>Escalation:Dispatcher:Enabled</c>), so tests that drive timers by hand drive these too.
/// </summary>
public sealed partial class AssessmentReviewDispatcher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DispatcherOptions> options, ILogger<AssessmentReviewDispatcher> logger)
    : BackgroundService
{
    /// <summary>The longest it sleeps. A review falls due at the start of a day set at least a day ahead, so a minute is ample.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;

        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wakeAt;
            try
            {
                wakeAt = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The dispatcher must outlive any one failure: it logs, waits, and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
                wakeAt = clock.GetUtcNow() + MaxSleep;
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

    private async Task<DateTimeOffset> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<AssessmentReviewProcessor>();
        var fired = await processor.FireDueAsync(BatchSize, ct);
        if (fired > 0)
            LogFired(logger, fired);
        if (fired >= BatchSize)
            return clock.GetUtcNow();

        var next = await processor.NextDueAtAsync(ct);
        var latest = clock.GetUtcNow() + MaxSleep;
        return next < latest ? next.Value : latest;
    }

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Sent {Count} decision review reminders")]
    private static partial void LogFired(ILogger logger, int count);

    [LoggerMessage(EventId = 42, Level = LogLevel.Error, Message = "Sending decision review reminders failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
