using Escalation.Notifications.Delivery;

namespace Escalation.Notifications.Tests.Delivery;

public class RetryScheduleTests
{
    private static readonly DeliveryOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromHours(1) };

    [Theory]
    [InlineData(1, 15, 30)]
    [InlineData(2, 30, 60)]
    [InlineData(3, 60, 120)]
    [InlineData(8, 1800, 3600)]
    [InlineData(9, 1800, 3600)]
    [InlineData(1000, 1800, 3600)]
    public void DelayAfter_NthFailure_DoublesWithJitterBetweenHalfAndAllAndIsCapped(int failures, int lowSeconds, int highSeconds)
    {
        var shortest = new RetrySchedule(Microsoft.Extensions.Options.Options.Create(Options), () => 0.0).DelayAfter(failures);
        var longest = new RetrySchedule(Microsoft.Extensions.Options.Options.Create(Options), () => 0.999999).DelayAfter(failures);

        Assert.Equal(TimeSpan.FromSeconds(lowSeconds), shortest);
        Assert.InRange(longest, TimeSpan.FromSeconds(highSeconds) - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(highSeconds));
    }

    [Fact]
    public void DelayAfter_RandomJitter_SpreadsWithinTheBounds()
    {
        var schedule = new RetrySchedule(Microsoft.Extensions.Options.Options.Create(Options));

        var delays = Enumerable.Range(0, 200).Select(_ => schedule.DelayAfter(3)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)));
        Assert.True(delays.Distinct().Count() > 100, "jitter should spread the delays");
    }
}
