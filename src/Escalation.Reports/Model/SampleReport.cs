using Escalation.Reports.Periods;

namespace Escalation.Reports.Model;

/// <summary>Sample reports that exercise every branch of the board paper template: one with data in every section, one empty.</summary>
public static class SampleReport
{
    private static readonly ReportLabels Labels = new(
        new Dictionary<string, string> { ["1"] = "Practitioner", ["2"] = "Manager", ["3"] = "Senior", ["4"] = "Safeguarding partnership" },
        new Dictionary<string, string> { ["below-threshold"] = "Referral below threshold", ["drift"] = "Drift" },
        new Dictionary<string, string> { ["1"] = "Universal", ["2"] = "Early help", ["3"] = "Targeted", ["4"] = "Specialist" });

    public static BoardReport Create()
    {
        var period = new ReportPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));
        var counts = Counts(period, 9, 7, 1, 1);
        return new BoardReport(counts, Counts(period.Previous(), 17, 15, 0, 2),
            [new AgencyKindPair("Health", "ChildrensSocialCare", 6), new AgencyKindPair("School", "ChildrensSocialCare", 3)],
            [new StageDeadlines(1, 5, 2), new StageDeadlines(2, 1, 1)],
            [.. period.MonthsWithin().Select((m, i) => new MonthTimeliness(m, 3, 2, 2 - (i % 2), i % 2))],
            [new TextCount("Threshold <understanding> & \"language\"", 2)],
            [new TextCount("Prompt strategy discussion", 1)],
            Labels, new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero));
    }

    public static BoardReport Empty()
    {
        var period = new ReportPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1));
        var none = new PeriodCounts(period, 0, 0, 0, 0, [], [], [], [], [], [], 0, [], [], [], new DeadlineCounts(0, 0), null,
            new DecisionPromptCounts([], 0, 0));
        return new BoardReport(none, none with { Period = period.Previous() }, [], [], [], [], [], Labels,
            new DateTimeOffset(2026, 4, 2, 7, 0, 0, TimeSpan.Zero));
    }

    private static PeriodCounts Counts(ReportPeriod period, int raised, int resolved, int open, int withdrawn) => new(
        period, raised, resolved, open, withdrawn,
        [new KeyCount("ChildrensSocialCare", 0), new KeyCount("Health", 6), new KeyCount("School", 3), new KeyCount("Police", 0)],
        [new KeyCount("ChildrensSocialCare", raised), new KeyCount("Health", 0)],
        ["ChildrensSocialCare", "Police"], ["County Police"],
        [new KeyCount("1", 7), new KeyCount("2", 1), new KeyCount("3", 1), new KeyCount("4", 0)],
        [new KeyCount("1", 1), new KeyCount("2", 0), new KeyCount("3", 0), new KeyCount("4", 0)], 1,
        [new KeyCount("below-threshold", raised - 1), new KeyCount("drift", 1)],
        [new KeyCount("2", 1), new KeyCount("3", 2), new KeyCount("4", raised - 3)],
        [new KeyCount("decision-changed", 4), new KeyCount("decision-upheld", resolved - 4), new KeyCount("board-decision", 0),
            new KeyCount("withdrawn", withdrawn)],
        new DeadlineCounts(6, 3), 4.5, new DecisionPromptCounts([new KeyCount("under-13", 1), new KeyCount("13-15", 2)], 2, 3));
}
