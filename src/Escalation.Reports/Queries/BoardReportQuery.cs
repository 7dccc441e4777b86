using System.Data.Common;
using System.Globalization;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Sql;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Escalation.Reports.Queries;

/// <summary>How the report queries run. Bound from <c>Escalation:Reports</c>.</summary>
public sealed class ReportOptions
{
    /// <summary>How many queries run at once, each on its own connection; 1 runs them one by one on the request's connection.</summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>
    /// Whether stage records and history may be matched to the period by escalation id range (SQLite, checked per period;
    /// see <see cref="RangeSql"/>). Off, they are always joined to their escalation: slower, for comparison in tests.
    /// </summary>
    public bool MatchByIdRange { get; set; } = true;
}

/// <summary>Builds the board report for a period: a handful of aggregate queries for it and for the period before.</summary>
public sealed class BoardReportQuery(
    EscalationDbContext db, PolicyCatalog catalog, SqlDialect sql, TimeProvider clock, IOptions<ReportOptions> options)
{
    public async Task<BoardReport> BuildAsync(ReportPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = clock.GetUtcNow();
        var previousPeriod = period.Previous();
        var zone = catalog.Calendar.TimeZone;
        var agencies = await db.Agencies.AsNoTracking().Select(a => new AgencyInfo(a.Id, a.Name, a.Kind)).ToListAsync(ct);

        var current = new RangePlan(period, zone, period.MonthsWithin());
        var previous = new RangePlan(previousPeriod, zone, [previousPeriod]);
        var days = new LocalDayKeys(catalog.Calendar, sql.IsSqlite, previous.Start, now > current.End ? now : current.End);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            var currentSql = await PlanAsync(connection, current, days, ct);
            var previousSql = await PlanAsync(connection, previous, days, ct);
            var jobs = Jobs(currentSql, current, texts: true).Concat(Jobs(previousSql, previous, texts: false))
                .OrderByDescending(j => j.Weight).Select(j => j.Job).ToList();
            var parallelism = sql.IsSqlite && IsMemory(connection.ConnectionString) ? 1 : options.Value.Parallelism;
            if (parallelism <= 1)
                await QueryRunner.RunOnAsync(connection, jobs, ct);
            else
                await QueryRunner.RunAsync(token => OpenAnotherAsync(connection, token), jobs, parallelism, ct);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }

        var assembler = new CountsAssembler(catalog, agencies, days);
        return assembler.Report(current, previous, now);
    }

    private async Task<RangeSql> PlanAsync(DbConnection connection, RangePlan plan, LocalDayKeys days, CancellationToken ct)
    {
        if (!sql.IsSqlite)
            return new RangeSql(sqlite: false, fullScan: false, byIdRange: false, plan.Months.Count, days);
        var byRaisedAt = await ScalarsAsync(connection, RangeSql.CheckByRaisedAt, plan.Parameters(sql), ct);
        var byId = await ScalarsAsync(connection, RangeSql.CheckById, plan.Parameters(sql), ct);
        var lastRowId = (await ScalarsAsync(connection, RangeSql.LastRowId, plan.Parameters(sql), ct))[0];
        // Scanning the whole table is cheaper than the index once the period holds more than about a third of it.
        var fullScan = byRaisedAt[0] * 3 > lastRowId;
        return new RangeSql(sqlite: true, fullScan, byIdRange: options.Value.MatchByIdRange && byRaisedAt.SequenceEqual(byId), plan.Months.Count, days);
    }

    private IEnumerable<(int Weight, QueryJob Job)> Jobs(RangeSql range, RangePlan plan, bool texts)
    {
        var p = plan.Parameters(sql);
        var raw = plan.Raw;
        yield return (9, new QueryJob(range.Escalations(), p, r => raw.Escalations.Add((L(r, 0), r.GetString(1), I(r, 2)))));
        yield return (8, new QueryJob(range.AgencyPairs(), p, r => raw.AgencyPairs.Add((ReadGuid(r, 0), ReadGuid(r, 1), I(r, 2)))));
        yield return (7, new QueryJob(range.DeadlinesMissed(), p, r => raw.Missed.Add((I(r, 0), I(r, 1), I(r, 2)))));
        yield return (6, new QueryJob(range.ResolutionDays(), p, r => raw.Resolutions.Add((L(r, 0), L(r, 1), I(r, 2)))));
        yield return (5, new QueryJob(range.DeadlinesMet(), p, r => raw.Met.Add((I(r, 0), I(r, 1), I(r, 2)))));
        if (texts)
        {
            yield return (4, new QueryJob(range.Texts(), p, r => raw.Texts.Add((
                r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), I(r, 2)))));
        }

        yield return (1, new QueryJob(RangeSql.Assessments, p, r => raw.Assessments.Add((r.GetString(0), r.GetBoolean(1), I(r, 2)))));
    }

    // Providers differ in the integer types they return for COUNT(*) and expressions (SQLite: 64-bit, PostgreSQL: by type).
    private static int I(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static long L(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);

    private static async Task<long[]> ScalarsAsync(DbConnection connection, string text, IReadOnlyDictionary<string, object> parameters, CancellationToken ct)
    {
        var job = new List<long>();
        await QueryRunner.RunOnAsync(connection, [new QueryJob(text, parameters, r =>
        {
            for (var i = 0; i < r.FieldCount; i++)
                job.Add(r.IsDBNull(i) ? 0 : r.GetInt64(i));
        })], ct);
        return [.. job];
    }

    private static async Task<DbConnection> OpenAnotherAsync(DbConnection template, CancellationToken ct)
    {
        var factory = DbProviderFactories.GetFactory(template)
            ?? throw new InvalidOperationException("The database provider cannot open another connection.");
        var connection = factory.CreateConnection()!;
        connection.ConnectionString = template.ConnectionString;
        await connection.OpenAsync(ct);
        return connection;
    }

    private static bool IsMemory(string connectionString) =>
        connectionString.Contains(":memory:", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An agency as the report needs it.</summary>
internal sealed record AgencyInfo(Guid Id, string Name, Data.Entities.AgencyKind Kind);

/// <summary>One period's instants, month boundaries and id range, and the raw results of its queries.</summary>
internal sealed class RangePlan
{
    public RangePlan(ReportPeriod period, TimeZoneInfo zone, IReadOnlyList<ReportPeriod> months)
    {
        Period = period;
        Months = months;
        (Start, End) = LocalInstants.Range(period, zone);
        MonthStarts = [.. months.Skip(1).Select(m => LocalInstants.StartOf(m.From, zone))];
        Zone = zone.Id;
    }

    public ReportPeriod Period { get; }

    public IReadOnlyList<ReportPeriod> Months { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public IReadOnlyList<DateTimeOffset> MonthStarts { get; }

    public string Zone { get; }

    public RawCounts Raw { get; } = new();

    /// <summary>Every parameter the period's queries may use; a query is given those it names.</summary>
    public IReadOnlyDictionary<string, object> Parameters(SqlDialect sql)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [RangeSql.Start] = sql.Instant(Start),
            [RangeSql.End] = sql.Instant(End),
            [RangeSql.IdLow] = V7Prefix(Start),
            [RangeSql.IdHigh] = V7Prefix(End),
            ["@zone"] = Zone,
        };
        for (var i = 0; i < MonthStarts.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            values["@m" + n] = sql.Instant(MonthStarts[i]);
            values["@i" + n] = V7Prefix(MonthStarts[i]);
        }

        return values;
    }

    /// <summary>
    /// The text every version 7 id made at or after <paramref name="instant"/> (a whole millisecond) sorts at or after:
    /// its first 48 bits are the Unix time in milliseconds, written as "XXXXXXXX-XXXX".
    /// </summary>
    internal static string V7Prefix(DateTimeOffset instant)
    {
        var ms = instant.ToUnixTimeMilliseconds();
        return string.Create(CultureInfo.InvariantCulture, $"{(ms >> 16) & 0xFFFFFFFF:X8}-{ms & 0xFFFF:X4}");
    }
}
