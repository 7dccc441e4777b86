using Escalation.Services.Timers;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>Sleeping until an instant on a clock that can move while the caller works.</summary>
public sealed class ClockSleepTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ClockSetPastTheWakeWhileThePassRan_SleepIsSkipped()
    {
        var clock = new FakeTimeProvider(Start);
        var wakeAt = Start.AddSeconds(1);
        clock.SetUtcNow(Start.AddDays(12)); // the pass worked out its wake, then the clock jumped on

        var sleep = ClockSleep.UntilAsync(wakeAt, clock, null, CancellationToken.None);

        Assert.True(sleep.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Sleep_EndsWhenTheClockReachesTheWake_NotBefore()
    {
        var clock = new FakeTimeProvider(Start);
        var sleep = ClockSleep.UntilAsync(Start.AddSeconds(1), clock, null, CancellationToken.None);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(20);
        Assert.False(sleep.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await sleep.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SignalledBeforeTheWake_SleepEndsEarly()
    {
        var clock = new FakeTimeProvider(Start);
        var signal = new TaskCompletionSource();
        var sleep = ClockSleep.UntilAsync(Start.AddMinutes(1), clock, signal.Task, CancellationToken.None);
        Assert.False(sleep.IsCompleted);

        signal.SetResult();

        await sleep.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ServiceStopping_SleepThrowsCancelled()
    {
        var clock = new FakeTimeProvider(Start);
        using var stopping = new CancellationTokenSource();
        var sleep = ClockSleep.UntilAsync(Start.AddMinutes(1), clock, null, stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sleep.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task WakeSignal_PokedWhileAwake_NextWaitReturnsAtOnceThenWaitsAgain()
    {
        var clock = new FakeTimeProvider(Start);
        var signal = new WakeSignal();
        signal.Poke(); // a move set a timer while the dispatcher was busy

        await signal.WaitAsync(Start.AddMinutes(1), clock, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        var second = signal.WaitAsync(Start.AddMinutes(1), clock, CancellationToken.None);
        await Task.Delay(20);
        Assert.False(second.IsCompleted); // the poke was used up by the first wait
        signal.Poke();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
