using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Data.Timers;

/// <summary>How the dispatcher polls. Bound from <c>Escalation:Dispatcher</c>.</summary>
public sealed class DispatcherOptions
{
    /// <summary>The longest the dispatcher sleeps; it wakes earlier for a near timer or a new one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 500;

    /// <summary>Off only in tests that drive <see cref="TimerProcessor"/> themselves.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>The hosted service that fires due timers, waking for the next one, a poke, or the poll interval.</summary>
public sealed partial class TimerDispatcher(
    IServiceScopeFactory scopes, DispatcherSignal signal, TimeProvider clock, IOptions<DispatcherOptions> options, ILogger<TimerDispatcher> logger)
    : BackgroundService
{
    private const int MaxNearMisses = 3;
    private static readonly TimeSpan NearMissRetry = TimeSpan.FromMilliseconds(10);
    private int _nearMisses;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
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
#pragma warning disable CA1031 // The dispatcher must outlive any one failure: it logs, waits, and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
                wakeAt = clock.GetUtcNow() + settings.PollInterval;
            }

            try
            {
                await signal.WaitAsync(wakeAt, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Fires what is due and returns when to look again.</summary>
    private async Task<DateTimeOffset> RunOnceAsync(DispatcherOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<TimerProcessor>();
        var fired = await processor.FireDueAsync(settings.BatchSize, ct);
        if (fired > 0)
            LogFired(logger, fired);
        if (fired >= settings.BatchSize)
            return clock.GetUtcNow();

        var next = await processor.NextDueAtAsync(ct);
        var now = clock.GetUtcNow();
        var latest = now + settings.PollInterval;
        if (next is not { } due || due > now)
        {
            _nearMisses = 0;
            return next < latest ? next.Value : latest;
        }

        if (fired > 0)
        {
            _nearMisses = 0;
            return now;
        }

        // Due, yet nothing was claimed. Usually it fell due between the claim and the look ahead, so look again almost
        // at once. If it keeps happening, another copy holds the timer in its batch: wait the poll interval, not spin.
        _nearMisses++;
        return _nearMisses <= MaxNearMisses ? now + NearMissRetry : latest;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Fired {Count} due timers")]
    private static partial void LogFired(ILogger logger, int count);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Firing due timers failed; trying again after the poll interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
