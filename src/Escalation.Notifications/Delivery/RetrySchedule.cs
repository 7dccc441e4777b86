using Microsoft.Extensions.Options;

namespace Escalation.Notifications.Delivery;

/// <summary>
/// Exponential back-off with jitter: after the nth failure the wait is drawn between half and all of
/// <c>BaseDelay × 2^(n-1)</c>, capped at <c>MaxDelay</c>. The jitter spreads a batch that failed together, so the
/// relay is not hit by all of it again at once when it comes back.
/// </summary>
public sealed class RetrySchedule
{
    private readonly DeliveryOptions _options;
    private readonly Func<double> _unit;

    public RetrySchedule(IOptions<DeliveryOptions> options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    /// <param name="options">The base and cap.</param>
    /// <param name="unit">A source of numbers in [0, 1): tests pass 0 or nearly 1 to see the bounds.</param>
    public RetrySchedule(IOptions<DeliveryOptions> options, Func<double> unit)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _unit = unit;
    }

    /// <summary>The wait after <paramref name="failures"/> failed attempts (1 or more).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        var (low, high) = Bounds(failures);
        return low + ((high - low) * Math.Clamp(_unit(), 0, 1));
    }

    /// <summary>The shortest and longest wait after <paramref name="failures"/> failed attempts.</summary>
    public (TimeSpan Low, TimeSpan High) Bounds(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^30 of any sensible base is past any sensible cap; stopping there keeps the arithmetic finite.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ceiling = TimeSpan.FromTicks((long)Math.Min(_options.BaseDelay.Ticks * factor, _options.MaxDelay.Ticks));
        return (ceiling / 2, ceiling);
    }
}
