using System.Globalization;
using System.Text.Json;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Sql;
using Escalation.Reports.Periods;
using Escalation.Reports.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Reports.Schedule;

/// <summary>
/// Sends the quarterly board report. Its timer is a row with a due time: the first working day after the quarter ends,
/// at <see cref="QuarterlyMailOptions.SendAt"/> local time. Firing is one transaction: the row is claimed and marked
/// fired only if still pending, a mail per reader is queued in the outbox, and the next quarter's row is written, so each
/// quarter's report goes once, even after downtime (then late, once) or with two copies of the service running.
/// </summary>
public sealed partial class QuarterlyReportProcessor(
    EscalationDbContext db, BoardReportQuery reports, PolicyCatalog catalog, SqlDialect sql, TimeProvider clock, EngineSettings settings,
    IOptions<QuarterlyMailOptions> options, ILogger<QuarterlyReportProcessor> logger)
{
    /// <summary>The timer kind, and the mail's template under <c>templates/email/</c>.</summary>
    public const string TemplateKey = "board-report";

    private sealed record Due(long Id, ReportPeriod Period);

    /// <summary>When a quarter's report is due: the first working day after the quarter ends, at the configured local time.</summary>
    public DateTimeOffset DueAt(ReportPeriod quarter)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var day = catalog.Calendar.AddWorkingDays(quarter.To, 1);
        return LocalInstants.At(day, options.Value.SendAt, catalog.Calendar.TimeZone);
    }

    /// <summary>Creates the timers' table if needed, and the current quarter's timer if no report is pending.</summary>
    public async Task EnsureScheduledAsync(CancellationToken ct = default)
    {
        foreach (var statement in ReportTimerTable.Create(sql))
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        var pending = await RowsAsync($"SELECT COUNT(*) FROM {ReportTimerTable.Name} WHERE kind = @kind AND state = 'Pending'",
            new Dictionary<string, object> { ["@kind"] = TemplateKey }, r => r.GetInt64(0), ct);
        if (pending[0] == 0)
        {
            var quarter = ReportPeriod.QuarterContaining(catalog.Calendar.LocalDate(clock.GetUtcNow()));
            await InsertAsync(quarter, ct);
        }
    }

    /// <summary>Sends every quarterly report whose time has come, oldest first; returns how many were sent by this call.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct = default)
    {
        var sent = 0;
        while (await NextDueAsync(ct) is { } due)
        {
            // Counted before the transaction: the report reads on connections of its own, and reading twice is harmless.
            var report = await reports.BuildAsync(due.Period, ct);
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Database.ExecuteSqlRawAsync(
                $"UPDATE {ReportTimerTable.Name} SET state = 'Fired', done_at = {{0}} WHERE id = {{1}} AND state = 'Pending'",
                [sql.Instant(now), due.Id], ct);
            if (claimed == 0)
                continue; // another copy of the service sent it since we looked

            var payload = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["from"] = ReportPeriod.Iso(due.Period.From),
                ["to"] = ReportPeriod.Iso(due.Period.To),
                ["period"] = due.Period.Label,
                ["link"] = options.Value.LinkFor(due.Period),
                ["raised"] = N(report.Current.Raised),
                ["resolved"] = N(report.Current.Resolved),
                ["open"] = N(report.Current.Open),
                ["withdrawn"] = N(report.Current.Withdrawn),
                ["urgent"] = N(report.Current.Urgent),
            });
            var readers = await ReadersAsync(ct);
            await using (var outbox = new OutboxWriter(db, sql, settings))
            {
                foreach (var reader in readers)
                    await outbox.WriteAsync(Mail(reader, payload), now, ct);
            }

            await InsertAsync(Next(due.Period), ct);
            await transaction.CommitAsync(ct);
            LogSent(logger, due.Period.Label, readers.Count);
            sent++;
        }

        return sent;
    }

    /// <summary>When the next pending report is due, if one is.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct = default)
    {
        var rows = await RowsAsync(
            $"SELECT due_at FROM {ReportTimerTable.Name} WHERE kind = @kind AND state = 'Pending' ORDER BY due_at LIMIT 1",
            new Dictionary<string, object> { ["@kind"] = TemplateKey }, r => sql.ReadInstant(r, 0), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<Due?> NextDueAsync(CancellationToken ct)
    {
        var rows = await RowsAsync(
            $"SELECT id, period_from, period_to FROM {ReportTimerTable.Name} WHERE kind = @kind AND state = 'Pending' AND due_at <= @now " +
            "ORDER BY due_at, id LIMIT 1",
            new Dictionary<string, object> { ["@kind"] = TemplateKey, ["@now"] = sql.Instant(clock.GetUtcNow()) },
            r => new Due(r.GetInt64(0), new ReportPeriod(DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture))), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private static ReportPeriod Next(ReportPeriod quarter) => ReportPeriod.QuarterContaining(quarter.To.AddDays(1));

    private Task<int> InsertAsync(ReportPeriod quarter, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(
        $"INSERT INTO {ReportTimerTable.Name} (kind, period_from, period_to, due_at, state) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, 'Pending') " +
        "ON CONFLICT (kind, period_from) DO NOTHING",
        [TemplateKey, ReportPeriod.Iso(quarter.From), ReportPeriod.Iso(quarter.To), sql.Instant(DueAt(quarter))], ct);

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

    private static OutboxMail Mail((Guid? Id, string Name, string Email, string Audience) reader, string payload) =>
        new(null, TemplateKey, null, reader.Id, reader.Email, reader.Name, reader.Audience, payload);

    private async Task<List<T>> RowsAsync<T>(string text, IReadOnlyDictionary<string, object> parameters,
        Func<System.Data.Common.DbDataReader, T> read, CancellationToken ct)
    {
        var rows = new List<T>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            await QueryRunner.RunOnAsync(connection, [new QueryJob(text, parameters, r => rows.Add(read(r)))], ct);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }

        return rows;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Queued the board report for {Period} to {Count} readers")]
    private static partial void LogSent(ILogger logger, string period, int count);
}
