using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Services.Timers;

/// <summary>How the timers are polled. Bound from <c>Escalation:Dispatcher</c>.</summary>
public sealed class DispatcherOptions
{
    /// <summary>The longest the worker sleeps; it wakes earlier for a near timer or a new one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 500;

    /// <summary>Off only in tests that drive <see cref="TimerProcessor"/> themselves.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Fires due timers of every kind, a batch at a time, and says when the next falls due.</summary>
public sealed partial class TimerRunner(
    IServiceScopeFactory scopes, WakeSignal signal, TimeProvider clock, IOptions<DispatcherOptions> options, ILogger<TimerRunner> logger)
    : IPolledWork
{
    private const int MaxNearMisses = 3;
    private static readonly TimeSpan NearMissRetry = TimeSpan.FromMilliseconds(10);
    private int _nearMisses;
    private bool _scheduled;

    public bool Enabled => options.Value.Enabled;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public WakeSignal Signal => signal;

    public async Task<DateTimeOffset> RunDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<TimerProcessor>();
        if (!_scheduled)
        {
            await processor.ScheduleAsync(ct);
            _scheduled = true;
        }

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
}
