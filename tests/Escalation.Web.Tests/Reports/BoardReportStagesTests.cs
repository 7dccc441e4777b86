using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Reports.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// A stage whose deadlines were missed only in another period, and which no loaded policy defines (a policy since
/// retired), must not appear in the period's report.
/// </summary>
[Trait("Category", "db-sqlite")]
public sealed class BoardReportStagesTests : IAsyncLifetime, IDisposable
{
    private const int RetiredStage = 9;

    private readonly BoardReportDataset _data = new();

    public async Task InitializeAsync()
    {
        await _data.InitializeAsync();

        // E6 was raised at 00:30 BST on 1 July: the next quarter.
        await _data.Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            var e6 = await db.Escalations.SingleAsync(e => e.RaisedAt == BoardReportDataset.At(6, 30, 23, 30));
            db.History.Add(new HistoryRecord { EscalationId = e6.Id, At = BoardReportDataset.At(7, 10, 9, 0), Type = HistoryType.DeadlineMissed, Stage = RetiredStage });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task DeadlineMissedAtARetiredStageInTheNextQuarter_NotListedInThisQuarter()
    {
        var report = await _data.ReportAsync();

        Assert.DoesNotContain(report.DeadlinesByStage, s => s.Stage == RetiredStage);
        Assert.Equal(new DeadlineCounts(5, 4), report.Current.Deadlines);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _data.Dispose();
}
