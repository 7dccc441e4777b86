using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Reports.Queries;

/// <summary>
/// Builds the board report for a period, and the period before for comparison. For each period it reads one narrow row
/// per escalation raised in it, one row per deadline met or missed, and the decision prompts, with plain EF Core
/// queries; <see cref="CountsAssembler"/> counts them. A partnership raises a few hundred escalations a year, so the rows
/// are few; the report over 1,000,000 escalations is timed in <c>tests/Escalation.Benchmarks</c> (<c>report</c>).
/// </summary>
public sealed class BoardReportQuery(EscalationDbContext db, PolicyCatalog catalog, TimeProvider clock)
{
    public async Task<BoardReport> BuildAsync(ReportPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = clock.GetUtcNow();
        var agencies = await db.Agencies.AsNoTracking().Select(a => new AgencyInfo(a.Id, a.Name, a.Kind)).ToListAsync(ct);
        var current = await ReadAsync(period, ct);
        var previous = await ReadAsync(period.Previous(), ct);
        var (start, end) = Range(period);
        var learning = await TextsAsync(start, end, learning: true, ct);
        var goodPractice = await TextsAsync(start, end, learning: false, ct);
        return new CountsAssembler(catalog, agencies).Report(current, previous, learning, goodPractice, now);
    }

    /// <summary>The rows of one period: everything <see cref="CountsAssembler"/> counts, except the texts.</summary>
    private async Task<PeriodRows> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = Range(period);
        var raised = db.Escalations.AsNoTracking().Where(e => e.RaisedAt >= start && e.RaisedAt < end);

        var escalations = await raised
            .Select(e => new EscalationRow(e.RaisedAt, e.ClosedAt, e.Status, e.Track, e.OutcomeKind, e.HighestStage,
                e.LevelOfNeed, e.Category, e.RaisingAgencyId, e.ReceivingAgencyId))
            .ToListAsync(ct);

        // Met: a stage left by its due time, resolved or escalated by the raising side. A withdrawn stage is neither.
        var met = await db.StageRecords.AsNoTracking()
            .Where(s => (s.LeftHow == StageExit.Resolved || s.LeftHow == StageExit.EscalatedByRaisingSide) && s.LeftAt <= s.DueAt)
            .Join(raised, s => s.EscalationId, e => e.Id, (s, e) => new DeadlineRow(e.RaisedAt, s.Stage))
            .ToListAsync(ct);

        // Missed: the permanent deadline-missed history entries.
        var missed = await db.History.AsNoTracking()
            .Where(h => h.Type == HistoryType.DeadlineMissed)
            .Join(raised, h => h.EscalationId, e => e.Id, (h, e) => new DeadlineRow(e.RaisedAt, h.Stage))
            .ToListAsync(ct);

        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.CreatedAt >= start && a.CreatedAt < end)
            .GroupBy(a => new { a.AgeBand, a.Referred })
            .Select(g => new AssessmentCount(g.Key.AgeBand, g.Key.Referred, g.Count()))
            .ToListAsync(ct);

        return new PeriodRows(period, escalations, met, missed, assessments);
    }

    /// <summary>The learning (or good practice) recorded at resolution by the period's escalations, each text with a count.</summary>
    private async Task<List<TextCount>> TextsAsync(DateTimeOffset start, DateTimeOffset end, bool learning, CancellationToken ct)
    {
        var raised = db.Escalations.AsNoTracking().Where(e => e.RaisedAt >= start && e.RaisedAt < end);
        var texts = learning
            ? raised.Where(e => e.OutcomeLearning != null).Select(e => e.OutcomeLearning!)
            : raised.Where(e => e.OutcomeGoodPractice != null).Select(e => e.OutcomeGoodPractice!);
        return await texts.GroupBy(t => t).Select(g => new TextCount(g.Key, g.Count())).ToListAsync(ct);
    }

    /// <summary>The period as UTC instants: from local midnight at the start of its first day to local midnight after its last.</summary>
    private (DateTimeOffset Start, DateTimeOffset End) Range(ReportPeriod period) => LocalInstants.Range(period, catalog.Calendar.TimeZone);
}

/// <summary>An agency as the report needs it.</summary>
internal sealed record AgencyInfo(Guid Id, string Name, Data.Entities.AgencyKind Kind);

/// <summary>What the report counts of one escalation.</summary>
internal sealed record EscalationRow(
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClosedAt,
    EscalationStatus Status,
    Track Track,
    OutcomeKind? Outcome,
    int HighestStage,
    int LevelOfNeed,
    string Category,
    Guid RaisingAgencyId,
    Guid ReceivingAgencyId);

/// <summary>A deadline met or missed at a stage, and when its escalation was raised.</summary>
internal sealed record DeadlineRow(DateTimeOffset RaisedAt, int Stage);

/// <summary>Decision-prompt assessments of one age band, referred or not.</summary>
internal sealed record AssessmentCount(string AgeBand, bool Referred, int Count);

/// <summary>The rows read for one period.</summary>
internal sealed record PeriodRows(
    ReportPeriod Period,
    IReadOnlyList<EscalationRow> Escalations,
    IReadOnlyList<DeadlineRow> Met,
    IReadOnlyList<DeadlineRow> Missed,
    IReadOnlyList<AssessmentCount> Assessments);
