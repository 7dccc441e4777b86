using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
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

/// <summary>
/// Builds the board report for a period, and the period before for comparison: a few dozen small aggregate queries
/// (see <see cref="RangeSql"/>), most of them one month each, run side by side.
/// </summary>
public sealed class BoardReportQuery(
    EscalationDbContext db, PolicyCatalog catalog, SqlDialect sql, TimeProvider clock, IOptions<ReportOptions> options)
{
    public async Task<BoardReport> BuildAsync(ReportPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = clock.GetUtcNow();
        var zone = catalog.Calendar.TimeZone;
        var agencies = await db.Agencies.AsNoTracking().Select(a => new AgencyInfo(a.Id, a.Name, a.Kind)).ToListAsync(ct);

        var current = new RangePlan(period, zone);
        var previous = new RangePlan(period.Previous(), zone);
        if (previous.End != current.Start)
            throw new InvalidOperationException($"The period before {period.Label} does not end where it starts.");
        var days = new LocalDayKeys(catalog.Calendar, sql.IsSqlite, previous.Start, now > current.End ? now : current.End);
        var queries = new RangeSql(sql.IsSqlite, days);
        var byIdRange = sql.IsSqlite && options.Value.MatchByIdRange;

        var jobs = BothPeriods(queries, current, previous)
            .Concat(Period(queries, current, byIdRange, timeliness: true))
            .Concat(Period(queries, previous, byIdRange, timeliness: false));
        if (byIdRange)
            jobs = jobs.Concat(IdRangeCheck(current)).Concat(IdRangeCheck(previous));

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            await RunAsync(connection, jobs, ct);

            // Rare: an escalation whose id was not made from the instant it was raised. Count its period again with the join.
            var recount = new[] { current, previous }.Where(p => byIdRange && !p.IdRangeMatches).ToList();
            foreach (var plan in recount)
            {
                plan.Raw.Met.Clear();
                plan.Raw.Missed.Clear();
            }

            if (recount.Count > 0)
                await RunAsync(connection, recount.SelectMany(p => Stages(queries, p, byIdRange: false)), ct);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }

        var assembler = new CountsAssembler(catalog, agencies, days);
        return assembler.Report(current, previous, now);
    }

    private async Task RunAsync(DbConnection connection, IEnumerable<(int Weight, QueryJob Job)> jobs, CancellationToken ct)
    {
        // Longest first, so that the last queries to finish are short ones and the connections finish together.
        var ordered = jobs.OrderByDescending(j => j.Weight).Select(j => j.Job).ToList();
        var parallelism = sql.IsSqlite && IsMemory(connection.ConnectionString) ? 1 : options.Value.Parallelism;
        if (parallelism <= 1)
            await QueryRunner.RunOnAsync(connection, ordered, ct);
        else
            await QueryRunner.RunAsync(token => OpenAnotherAsync(connection, token), ordered, parallelism, ct);
    }

    /// <summary>The queries that read the escalations of both periods in one pass (their indexes lead with the counted columns, not the raised time).</summary>
    private IEnumerable<(int Weight, QueryJob Job)> BothPeriods(RangeSql queries, RangePlan current, RangePlan previous)
    {
        var p = new Dictionary<string, object>(current.Parameters(sql, current.Start, current.End), StringComparer.Ordinal)
        {
            [RangeSql.PreviousStart] = sql.Instant(previous.Start),
        };
        void Both<T>(Func<T> row, DbDataReader r, int ordinal, Action<RawCounts, T, int> add)
        {
            var value = row();
            if (I(r, ordinal) is > 0 and var now)
                add(current.Raw, value, now);
            if (I(r, ordinal + 1) is > 0 and var before)
                add(previous.Raw, value, before);
        }

        yield return (100, new QueryJob(queries.Dimensions(), p, r => Both(() => (L(r, 0), r.GetString(1)), r, 2,
            (raw, key, n) => Add(raw.Escalations, (key.Item1, key.Item2, n)))));
        yield return (60, new QueryJob(queries.AgencyPairs(), p, r => Both(() => (ReadGuid(r, 0), ReadGuid(r, 1)), r, 2,
            (raw, pair, n) => Add(raw.AgencyPairs, (pair.Item1, pair.Item2, n)))));
    }

    /// <summary>The queries of one period, month by month where they read a range of raised time.</summary>
    private IEnumerable<(int Weight, QueryJob Job)> Period(RangeSql queries, RangePlan plan, bool byIdRange, bool timeliness)
    {
        var raw = plan.Raw;
        var whole = plan.Parameters(sql, plan.Start, plan.End);
        foreach (var month in plan.Months)
        {
            var p = plan.Parameters(sql, month.Start, month.End);
            yield return (15, ResolutionDays(queries, p, raw));
            if (timeliness)
                yield return (5, new QueryJob(queries.RaisedAndResolved(), p, r => Add(raw.Months, (month.Index, I(r, 0), I(r, 1)))));
        }

        foreach (var job in Stages(queries, plan, byIdRange))
            yield return job;
        if (timeliness)
        {
            yield return (3, new QueryJob(queries.Texts(), whole, r => Add(raw.Texts, (
                r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), I(r, 2)))));
        }

        yield return (1, new QueryJob(RangeSql.Assessments, whole, r => Add(raw.Assessments, (r.GetString(0), r.GetBoolean(1), I(r, 2)))));
    }

    private QueryJob ResolutionDays(RangeSql queries, IReadOnlyDictionary<string, object> parameters, RawCounts raw)
    {
        if (!sql.IsSqlite)
            return new QueryJob(queries.ResolutionDays(), parameters, r => Add(raw.Resolutions, (L(r, 0), L(r, 1), I(r, 2))));

        // Rows of instants, grouped here by their local-day keys (see RangeSql.ResolutionDays).
        var days = queries.Days;
        var counts = new Dictionary<(long Raised, long Closed), int>();
        return new QueryJob(queries.ResolutionDays(), parameters,
            r => CollectionsMarshal.GetValueRefOrAddDefault(counts, (days.Key(r.GetInt64(0)), days.Key(r.GetInt64(1))), out _)++,
            () =>
            {
                foreach (var ((raised, closed), count) in counts)
                    Add(raw.Resolutions, (raised, closed, count));
            });
    }

    private IEnumerable<(int Weight, QueryJob Job)> Stages(RangeSql queries, RangePlan plan, bool byIdRange)
    {
        var raw = plan.Raw;
        foreach (var month in plan.Months)
        {
            var p = plan.Parameters(sql, month.Start, month.End);
            yield return (6, new QueryJob(queries.DeadlinesMet(byIdRange), p, r => Add(raw.Met, (month.Index, I(r, 0), I(r, 1)))));
            yield return (4, new QueryJob(queries.DeadlinesMissed(byIdRange), p, r => Add(raw.Missed, (month.Index, I(r, 0), I(r, 1)))));
        }
    }

    private IEnumerable<(int Weight, QueryJob Job)> IdRangeCheck(RangePlan plan)
    {
        var p = plan.Parameters(sql, plan.Start, plan.End);
        yield return (1, new QueryJob(RangeSql.IdMismatches, p, r => plan.IdMismatches = L(r, 0)));
    }

    // Several queries of one period add to the same lists from different connections' threads.
    private static void Add<T>(List<T> list, T item)
    {
        lock (list)
            list.Add(item);
    }

    // Providers differ in the integer types they return for COUNT(*) and expressions (SQLite: 64-bit, PostgreSQL: by type).
    private static int I(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static long L(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);

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

/// <summary>One period's instants, its months, the raw results of its queries, and the checks of its id range.</summary>
internal sealed class RangePlan
{
    public RangePlan(ReportPeriod period, TimeZoneInfo zone)
    {
        Period = period;
        Zone = zone.Id;
        (Start, End) = LocalInstants.Range(period, zone);
        Months = [.. period.MonthsWithin().Select((month, i) =>
        {
            var (start, end) = LocalInstants.Range(month, zone);
            return new Month(i, month, start, end);
        })];
    }

    public ReportPeriod Period { get; }

    /// <summary>The calendar's time zone id, for PostgreSQL's local dates.</summary>
    public string Zone { get; }

    public IReadOnlyList<Month> Months { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public RawCounts Raw { get; } = new();

    /// <summary>How many escalations touching the period have an id not made when they were raised (see <see cref="RangeSql.IdMismatches"/>).</summary>
    public long? IdMismatches { get; set; }

    /// <summary>Whether the escalations found by id range are exactly those found by raised time.</summary>
    public bool IdRangeMatches => IdMismatches == 0;

    /// <summary>The parameters of a range of raised time within the period; a query is given those it names.</summary>
    public IReadOnlyDictionary<string, object> Parameters(SqlDialect sql, DateTimeOffset start, DateTimeOffset end) =>
        new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [RangeSql.Start] = sql.Instant(start),
            [RangeSql.End] = sql.Instant(end),
            [RangeSql.IdLow] = V7Prefix(start),
            [RangeSql.IdHigh] = V7Prefix(end),
            [LocalDayKeys.ZoneParameter] = Zone,
        };

    /// <summary>A month of the period (cut to the period if it starts or ends within a month), numbered from 0.</summary>
    internal sealed record Month(int Index, ReportPeriod Period, DateTimeOffset Start, DateTimeOffset End);

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
