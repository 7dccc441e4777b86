using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Notifications.Delivery;

/// <summary>
/// The hosted service that sends outbox mail: a batch at a time, straight on while batches come back full, otherwise
/// every poll interval. Nothing stops it but shutdown: a failure is logged and the next round tries again.
/// </summary>
public sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeliveryOptions> options, ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
            return;

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = settings.PollInterval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(settings.BatchSize, stoppingToken);
                if (result.Sent > 0 || result.Parked > 0)
                    LogBatch(logger, result.Sent, result.Retried, result.Parked);
                if (result.Claimed >= settings.BatchSize && result.Sent > 0)
                    wait = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive any one failure (a locked database, a bug in one batch): it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Mail batch: {Sent} sent, {Retried} to retry, {Parked} parked")]
    private static partial void LogBatch(ILogger logger, int sent, int retried, int parked);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "Sending mail failed; trying again after the poll interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
