using Escalation.Data;
using Escalation.Reports.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// An escalation counts in the period its raised time falls in, with its stage records and history, whatever its id
/// says: here a raised time corrected by hand moves E5 (and its met stage) out of the quarter.
/// </summary>
[Trait("Category", "db-sqlite")]
public sealed class BoardReportRaisedTimeTests : IAsyncLifetime, IDisposable
{
    private readonly BoardReportDataset _data = new();

    public async Task InitializeAsync()
    {
        await _data.InitializeAsync();

        // E5 was raised on 30 June with a June id; its raised time now says 5 July, in the next quarter.
        await _data.Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            var e5 = await db.Escalations.SingleAsync(e => e.RaisedAt == BoardReportDataset.At(6, 30, 22, 30));
            e5.RaisedAt = BoardReportDataset.At(7, 5, 9, 0);
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task RaisedTimeCorrectedIntoNextQuarter_CountedThereWithItsStages()
    {
        var report = await _data.ReportAsync();
        var next = await _data.ReportAsync(new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)));

        // Met as in BoardReportCountsTests, less E5's stage 1: it now belongs to the next quarter.
        Assert.Equal(new DeadlineCounts(4, 4), report.Current.Deadlines);
        Assert.Equal(new DeadlineCounts(1, 0), next.Current.Deadlines);
        Assert.Equal(2, next.Current.Raised);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _data.Dispose();
}
