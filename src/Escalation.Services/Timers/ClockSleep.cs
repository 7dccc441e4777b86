
namespace Escalation.Services.Timers;

/// <summary>Sleeps on a <see cref="TimeProvider"/> until an instant, rather than for a span worked out earlier.</summary>
public static class ClockSleep
{
    /// <summary>
    /// Returns at <paramref name="wakeAt"/>, or sooner when <paramref name="orSooner"/> completes. A clock that moved on
    /// while the caller worked (a long pause, or a test's fake clock set forward) shortens the sleep or skips it: a
    /// span measured before the move would otherwise be counted again from after it.
    /// </summary>
    public static async Task UntilAsync(DateTimeOffset wakeAt, TimeProvider clock, Task? orSooner, CancellationToken ct)
    {
        var timeout = wakeAt - clock.GetUtcNow();
        if (timeout <= TimeSpan.Zero || orSooner is { IsCompleted: true })
            return;

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, linked.Token);
        // The delay counts from the clock as it reads when the delay starts; a move just before that is seen here.
        if (clock.GetUtcNow() < wakeAt)
            await (orSooner is null ? delay : Task.WhenAny(orSooner, delay)).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }
}
