using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Escalation.Services.Timers;

/// <summary>Work that a <see cref="PollingWorker{TWork}"/> runs over and over: the due timers, the outbox.</summary>
public interface IPolledWork
{
    /// <summary>Off only in tests that drive the work themselves.</summary>
    bool Enabled { get; }

    /// <summary>How long to wait after a round failed.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Wakes the worker before the time <see cref="RunDueAsync"/> gave.</summary>
    WakeSignal Signal { get; }

    /// <summary>Does what is due now and returns when to look again.</summary>
    Task<DateTimeOffset> RunDueAsync(CancellationToken ct);
}

/// <summary>
/// The one background loop of the service: runs its work, sleeps until the time the work gave back (or a poke), and
/// again. Nothing stops it but shutdown: a failed round is logged and tried again after the poll interval.
/// </summary>
public sealed partial class PollingWorker<TWork>(TWork work, TimeProvider clock, ILogger<PollingWorker<TWork>> logger) : BackgroundService
    where TWork : IPolledWork
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!work.Enabled)
            return;

        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wakeAt;
            try
            {
                wakeAt = await work.RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive any one failure (a locked database, a bug in one batch): it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, typeof(TWork).Name, ex);
                wakeAt = clock.GetUtcNow() + work.PollInterval;
            }

            try
            {
                await work.Signal.WaitAsync(wakeAt, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "{Work} failed; trying again after the poll interval")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
