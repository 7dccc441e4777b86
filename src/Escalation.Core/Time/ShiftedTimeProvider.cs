namespace Escalation.Core.Time;

/// <summary>
/// A clock that starts at a chosen instant and then runs forward in real time.
/// Used for training and acceptance tests (<c>Escalation:Clock:StartAt</c>); never in normal service.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly TimeSpan _shift;

    public ShiftedTimeProvider(DateTimeOffset startAt, TimeProvider? inner = null)
    {
        _inner = inner ?? System;
        StartAt = startAt;
        _shift = startAt - _inner.GetUtcNow();
    }

    /// <summary>The instant the clock was set to when it was created.</summary>
    public DateTimeOffset StartAt { get; }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + _shift;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
