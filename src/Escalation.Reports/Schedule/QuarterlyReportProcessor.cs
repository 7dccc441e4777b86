using System.Globalization;
using System.Text.Json;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Reports.Periods;
using Escalation.Reports.Queries;
using Escalation.Services.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Reports.Schedule;

/// <summary>
/// Sends the quarterly board report. Each quarter's report is a timer (<see cref="WorkKind.QuarterlyReport"/>) due on
/// the first working day after the quarter ends, at <see cref="QuarterlyMailOptions.SendAt"/> local time. Firing it
/// queues a mail per reader and sets the next quarter's timer in the timers' batch transaction, so each quarter's
/// report goes once, even after downtime (then late, once) or with two copies of the service running.
/// </summary>
public sealed partial class QuarterlyReportProcessor(
    EscalationDbContext db, BoardReportQuery reports, PolicyCatalog catalog, SqlDialect sql, TimeProvider clock, EngineSettings settings,
    IOptions<QuarterlyMailOptions> options, ILogger<QuarterlyReportProcessor> logger) : ITimerHandler
{
    /// <summary>The mail's template under <c>templates/email/</c>.</summary>
    public const string TemplateKey = "board-report";

    public IReadOnlyCollection<WorkKind> Kinds { get; } = [WorkKind.QuarterlyReport];

    /// <summary>When a quarter's report is due: the first working day after the quarter ends, at the configured local time.</summary>
    public DateTimeOffset DueAt(ReportPeriod quarter)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var day = catalog.Calendar.AddWorkingDays(quarter.To, 1);
        return LocalInstants.At(day, options.Value.SendAt, catalog.Calendar.TimeZone);
    }

    /// <summary>Sets the current quarter's timer if no report is pending.</summary>
    public async Task ScheduleAsync(CancellationToken ct)
    {
        if (await db.Timers.AnyAsync(t => t.Kind == WorkKind.QuarterlyReport && t.State == TimerState.Pending, ct))
            return;
        await InsertAsync(ReportPeriod.QuarterContaining(catalog.Calendar.LocalDate(clock.GetUtcNow())), ct);
    }

    public async Task FireAsync(IReadOnlyList<DueTimer> due, TimerBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var timer in due)
        {
            var period = ReportPeriod.QuarterContaining(timer.PeriodFrom!.Value);
            var report = await reports.BuildAsync(period, ct);
            var payload = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["from"] = ReportPeriod.Iso(period.From),
                ["to"] = ReportPeriod.Iso(period.To),
                ["period"] = period.Label,
                ["link"] = options.Value.LinkFor(period),
                ["raised"] = N(report.Current.Raised),
                ["resolved"] = N(report.Current.Resolved),
                ["open"] = N(report.Current.Open),
                ["withdrawn"] = N(report.Current.Withdrawn),
                ["urgent"] = N(report.Current.Urgent),
            });
            var readers = await ReadersAsync(ct);
            foreach (var reader in readers)
            {
                await batch.Outbox.WriteAsync(
                    new OutboxMail(null, TemplateKey, null, reader.Id, reader.Email, reader.Name, reader.Audience, payload), batch.Now, ct);
            }

            await InsertAsync(Next(period), ct);
            await batch.MarkAsync(timer, TimerState.Fired, ct);
            LogSent(logger, period.Label, readers.Count);
        }
    }

    private static ReportPeriod Next(ReportPeriod quarter) => ReportPeriod.QuarterContaining(quarter.To.AddDays(1));

    /// <summary>A quarter's timer, once: two copies of the service setting the same quarter make one row.</summary>
    private Task<int> InsertAsync(ReportPeriod quarter, CancellationToken ct) => db.Database.ExecuteSqlAsync(
        $"INSERT INTO timers (kind, period_from, due_at, state) VALUES ({nameof(WorkKind.QuarterlyReport)}, {quarter.From}, {sql.Instant(DueAt(quarter))}, {nameof(TimerState.Pending)}) ON CONFLICT (kind, period_from) DO NOTHING",
        ct);

    /// <summary>Everyone in <c>ReportViewer</c> or <c>BoardBusinessUnit</c> with an address, once each, and the unit's shared mailbox if set.</summary>
    private async Task<List<(Guid? Id, string Name, string Email, string Audience)>> ReadersAsync(CancellationToken ct)
    {
        var people = await (
                from user in db.Users.AsNoTracking()
                join link in db.UserRoles.AsNoTracking() on user.Id equals link.UserId
                join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                where (role.Name == Roles.ReportViewer || role.Name == Roles.BoardBusinessUnit) && user.Email != null
                select new { user.Id, user.Name, user.Email, Role = role.Name })
            .ToListAsync(ct);
        var readers = people.GroupBy(p => p.Id).OrderBy(g => g.First().Name, StringComparer.Ordinal)
            .Select(g => ((Guid?)g.Key, g.First().Name, g.First().Email!,
                g.Any(p => p.Role == Roles.BoardBusinessUnit) ? "board-business-unit" : "report-viewer"))
            .ToList();
        if (settings.BoardBusinessUnitMailbox is { } mailbox
            && !readers.Exists(r => string.Equals(r.Item3, mailbox.Email, StringComparison.OrdinalIgnoreCase)))
            readers.Add((null, mailbox.Name, mailbox.Email, "board-business-unit"));
        return readers;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Queued the board report for {Period} to {Count} readers")]
    private static partial void LogSent(ILogger logger, string period, int count);
}
