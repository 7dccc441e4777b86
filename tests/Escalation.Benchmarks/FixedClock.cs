namespace Escalation.Benchmarks;

/// <summary>
/// A clock stopped at one instant. Both runs see the same "now", so they write the same rows; durations are
/// measured with <see cref="System.Diagnostics.Stopwatch"/>, never with this clock.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
