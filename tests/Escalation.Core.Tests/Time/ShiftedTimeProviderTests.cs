using Escalation.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Core.Tests.Time;

public sealed class ShiftedTimeProviderTests
{
    [Fact]
    public void StartAt_StartsThereAndRunsForwardInRealTime()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var startAt = new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);
        var clock = new ShiftedTimeProvider(startAt, real);

        Assert.Equal(startAt, clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(90));

        Assert.Equal(startAt.AddMinutes(90), clock.GetUtcNow());
    }
}
