
namespace Escalation.Services.Timers;

/// <summary>Wakes a <see cref="PollingWorker{TWork}"/> early, e.g. when a move sets a timer that may fall due before the next poll.</summary>
public sealed class WakeSignal
{
    private TaskCompletionSource _poked = NewSource();

    public void Poke() => Volatile.Read(ref _poked).TrySetResult();

    /// <summary>Waits until poked or until the clock reaches <paramref name="wakeAt"/>.</summary>
    public async Task WaitAsync(DateTimeOffset wakeAt, TimeProvider clock, CancellationToken ct)
    {
        var poked = Volatile.Read(ref _poked);
        await ClockSleep.UntilAsync(wakeAt, clock, poked.Task, ct).ConfigureAwait(false);
        if (poked.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _poked, NewSource(), poked);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
