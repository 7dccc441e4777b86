using System.Text;
using Escalation.Data;
using Escalation.Reports.Model;
using Escalation.Reports.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// The report matches stage records and history to a period by escalation id range only while every id was made from
/// the instant its escalation was raised. One that was not (here: a raised time corrected by hand) must not be counted
/// by its id.
/// </summary>
[Trait("Category", "db-sqlite")]
public sealed class BoardReportIdRangeTests : IAsyncLifetime, IDisposable
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
    public async Task IdNotMadeWhenRaised_StagesCountedByRaisedTime_AsTheJoinCountsThem()
    {
        var report = await _data.ReportAsync();
        var joined = await _data.ReportJoinedAsync();

        // Met as in BoardReportCountsTests, less E5's stage 1: it now belongs to the next quarter.
        Assert.Equal(new DeadlineCounts(4, 4), report.Current.Deadlines);
        Assert.Equal(Encoding.UTF8.GetString(BoardReportJson.Write(joined)), Encoding.UTF8.GetString(BoardReportJson.Write(report)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _data.Dispose();
}
