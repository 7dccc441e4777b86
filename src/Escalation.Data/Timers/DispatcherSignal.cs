namespace Escalation.Data.Timers;

/// <summary>Wakes the dispatcher early when a move sets a timer that may fall due before its next poll.</summary>
public sealed class DispatcherSignal
{
    private TaskCompletionSource _poked = NewSource();

    public void Poke() => Volatile.Read(ref _poked).TrySetResult();

    /// <summary>Waits until poked or until <paramref name="timeout"/> passes on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var poked = Volatile.Read(ref _poked);
        if (!poked.Task.IsCompleted && timeout > TimeSpan.Zero)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var delay = Task.Delay(timeout, clock, linked.Token);
            await Task.WhenAny(poked.Task, delay).ConfigureAwait(false);
            await linked.CancelAsync().ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }

        if (poked.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _poked, NewSource(), poked);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
