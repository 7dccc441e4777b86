using Escalation.Services.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Notifications.Delivery;

/// <summary>
/// Sends outbox mail a batch at a time: straight on while batches come back full, otherwise after the poll interval.
/// Run by the service's one <see cref="PollingWorker{TWork}"/> loop.
/// </summary>
public sealed partial class DeliveryRunner(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeliveryOptions> options, ILogger<DeliveryRunner> logger) : IPolledWork
{
    public bool Enabled => options.Value.Enabled;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public WakeSignal Signal { get; } = new();

    public async Task<DateTimeOffset> RunDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(settings.BatchSize, ct);
        if (result.Sent > 0 || result.Parked > 0)
            LogBatch(logger, result.Sent, result.Retried, result.Parked);
        var now = clock.GetUtcNow();
        return result.Claimed >= settings.BatchSize && result.Sent > 0 ? now : now + settings.PollInterval;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Mail batch: {Sent} sent, {Retried} to retry, {Parked} parked")]
    private static partial void LogBatch(ILogger logger, int sent, int retried, int parked);
}
