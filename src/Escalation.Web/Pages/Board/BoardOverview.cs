using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Reports.Periods;
using Escalation.Web.Api;
using Escalation.Web.Pages.Display;

namespace Escalation.Web.Pages.Board;

/// <summary>Open escalations at one stage of the current policy: how many, and how many of them are overdue.</summary>
internal sealed record StageCount(int Number, string Name, int Open, int Overdue);

/// <summary>What the board's landing page shows: open escalations by stage, overdue, and due by the end of this week.</summary>
internal sealed record OverviewCounts(IReadOnlyList<StageCount> Stages, int Open, int Overdue, int DueThisWeek, DateOnly WeekEnds);

/// <summary>
/// The board's overview, counted from the same list query as the escalation log and the API, so that each number
/// matches the log it links to.
/// </summary>
internal sealed class BoardOverview(EscalationReader reader, PolicyCatalog catalog, TimeProvider clock)
{
    public async Task<OverviewCounts> CountAsync(Guid viewerId, CancellationToken ct)
    {
        var open = await reader.ListAsync(viewerId, new EscalationFilter(EscalationStatus.Open), ct, limit: 100_000);
        var (weekEnds, dueBefore) = ThisWeek();
        var policy = catalog.Current(PolicyCatalog.DefaultPolicyId)!;
        var stages = policy.Stages.Select(s => new StageCount(s.Number, PolicyWords.StageName(policy, s.Number),
            open.Count(e => e.Stage.Number == s.Number), open.Count(e => e.Stage.Number == s.Number && e.Stage.Overdue))).ToList();
        return new OverviewCounts(stages, open.Count, open.Count(e => e.Stage.Overdue),
            open.Count(e => !e.Stage.Overdue && e.Stage.DueAt < dueBefore), weekEnds);
    }

    /// <summary>The last day of this week (Sunday, in the partnership's time zone) and the first instant after it.</summary>
    public (DateOnly LastDay, DateTimeOffset After) ThisWeek()
    {
        var today = catalog.Calendar.LocalDate(clock.GetUtcNow());
        var sunday = today.AddDays((7 - (int)today.DayOfWeek) % 7);
        return (sunday, LocalInstants.StartOf(sunday.AddDays(1), catalog.Calendar.TimeZone));
    }
}
