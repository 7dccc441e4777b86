using System.Text.Json.Nodes;
using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Reports.Schedule;
using Escalation.Services.Timers;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// The quarterly report mail: a durable timer due on the first working day after each quarter, at 07:00 local time,
/// fired once, caught up after downtime, each firing writing the next quarter's timer.
/// </summary>
[Trait("Category", "db-sqlite")]
public sealed class QuarterlyReportMailTests : IAsyncLifetime, IDisposable
{
    // Tuesday 15 December 2026: the quarter ends on Thursday 31 December; Friday 1 January 2027 is a bank holiday.
    private readonly EngineHost _host = new(new FakeTimeProvider(new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.Zero)));
    private TestPartnership _people = null!;

    public async Task InitializeAsync()
    {
        _people = await _host.SeedAsync();
        await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.ReportViewer);
            var viewer = new Person
            {
                Id = Guid.NewGuid(), Name = "Rae Viewer", Email = "rae.viewer@example.org", UserName = "rae.viewer@example.org",
                AgencyId = _people.SchoolId, SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(viewer);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = viewer.Id, RoleId = role.Id });
            return await db.SaveChangesAsync();
        });
        await _host.InScopeAsync(async sp => { await sp.GetRequiredService<TimerProcessor>().ScheduleAsync(); return 0; });
    }

    [Fact]
    public async Task QuarterEndingWed31December2026_IsDueMonday4January2027_After1JanuaryBankHoliday()
    {
        var due = await NextDueAtAsync();

        Assert.Equal(new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public async Task Fires_OnceOnTheFirstWorkingDay_ToReportViewersAndTheBoardBusinessUnit()
    {
        Assert.Equal(0, await FireAtAsync(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(0, await FireAtAsync(new DateTimeOffset(2027, 1, 4, 6, 59, 0, TimeSpan.Zero)));

        Assert.Equal(0, await FireAtAsync(new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1, await FireAtAsync(new DateTimeOffset(2027, 1, 4, 7, 0, 1, TimeSpan.Zero)));
        Assert.Equal(0, await FireAtAsync(new DateTimeOffset(2027, 1, 4, 7, 1, 0, TimeSpan.Zero)));
        await _host.InScopeAsync(async sp => { await sp.GetRequiredService<TimerProcessor>().ScheduleAsync(); return 0; });
        Assert.Equal(0, await FireAtAsync(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero)));

        var mails = await MailsAsync();
        Assert.Equal(["bea.officer@example.org", "rae.viewer@example.org"], mails.Select(m => m.RecipientEmail).Order(StringComparer.Ordinal));
        var payload = JsonNode.Parse(mails[0].Payload!)!;
        Assert.Equal("2026-10-01", payload["from"]!.GetValue<string>());
        Assert.Equal("2026-12-31", payload["to"]!.GetValue<string>());
        Assert.Equal("http://localhost:5000/board?from=2026-10-01&to=2026-12-31", payload["link"]!.GetValue<string>());
        Assert.Null(payload["childReference"]);
        Assert.All(mails, m => Assert.Null(m.EscalationId));
        // The next quarter's timer was written with this one: due Thursday 1 April 2027 at 07:00 BST (Good Friday is 26 March).
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 6, 0, 0, TimeSpan.Zero), await NextDueAtAsync());
    }

    [Fact]
    public async Task AfterDowntimeAcrossTwoQuarterEnds_EachOwedReportIsSentOnce_ThenTheNextIsScheduled()
    {
        Assert.Equal(3, await FireAtAsync(new DateTimeOffset(2027, 7, 20, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(0, await FireAtAsync(new DateTimeOffset(2027, 7, 20, 12, 5, 0, TimeSpan.Zero)));

        var periods = (await MailsAsync()).Select(m => JsonNode.Parse(m.Payload!)!["from"]!.GetValue<string>())
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["2026-10-01"] = 2, ["2027-01-01"] = 2, ["2027-04-01"] = 2 }, periods);
        // July to September 2027 ends on Thursday 30 September: due Friday 1 October 2027 at 07:00 BST.
        Assert.Equal(new DateTimeOffset(2027, 10, 1, 6, 0, 0, TimeSpan.Zero), await NextDueAtAsync());
    }

    /// <summary>Fires what is due at <paramref name="at"/>, batch after batch as the worker would, and counts the reports sent.</summary>
    private async Task<int> FireAtAsync(DateTimeOffset at)
    {
        _host.Clock.SetUtcNow(at);
        var before = await ReportTimersFiredAsync();
        while (await _host.InScopeAsync(sp => sp.GetRequiredService<TimerProcessor>().FireDueAsync(100)) > 0)
        {
        }

        return await ReportTimersFiredAsync() - before;
    }

    private Task<int> ReportTimersFiredAsync() => _host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Timers
        .CountAsync(t => t.Kind == WorkKind.QuarterlyReport && t.State == TimerState.Fired));

    private Task<DateTimeOffset?> NextDueAtAsync() => _host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Timers
        .Where(t => t.Kind == WorkKind.QuarterlyReport && t.State == TimerState.Pending).OrderBy(t => t.DueAt)
        .Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync());

    private Task<List<OutboxMessage>> MailsAsync() => _host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Outbox
        .AsNoTracking().Where(o => o.TemplateKey == QuarterlyReportProcessor.TemplateKey).ToListAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();
}
