using Escalation.Reports.Model;
using Escalation.Reports.Periods;

namespace Escalation.Web.Tests.Reports;

/// <summary>The board report's counts for April to June 2026, against answers worked out by hand from <see cref="BoardReportDataset"/>.</summary>
[Trait("Category", "db-sqlite")]
public sealed class BoardReportCountsTests(BoardReportDataset data) : IClassFixture<BoardReportDataset>
{
    private static Dictionary<string, int> Map(IEnumerable<KeyCount> counts) => counts.ToDictionary(c => c.Key, c => c.Count);

    [Fact]
    public async Task Counts_RaisedInThePeriod_ByLocalDate_OneMinuteEitherSideOfMidnightBst()
    {
        var report = await data.ReportAsync();

        // E1 (00:30 BST on 1 April) to E5 (23:30 BST on 30 June), less E6 (00:30 BST on 1 July); E0 (23:30 BST 31 March) is in the previous period.
        Assert.Equal(6, report.Current.Raised);
        Assert.Equal(1, report.Previous.Raised);
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), report.Previous.Period);
    }

    [Fact]
    public async Task Counts_StatusNow_ResolvedInTheNextQuarterCountsAsResolved()
    {
        var report = await data.ReportAsync();

        Assert.Equal(4, report.Current.Resolved); // E2, E3, E4, and E5 resolved on 2 July
        Assert.Equal(1, report.Current.Withdrawn); // E1
        Assert.Equal(1, report.Current.Open); // E7
        Assert.Equal(1, report.Current.Urgent); // E2
    }

    [Fact]
    public async Task Counts_ByAgency_ListsTheKindsAndAgenciesThatRaisedNone()
    {
        var report = await data.ReportAsync();

        Assert.Equal(new Dictionary<string, int> { ["ChildrensSocialCare"] = 0, ["Police"] = 2, ["School"] = 4, ["Other"] = 0 },
            Map(report.Current.ByRaisingAgencyKind));
        Assert.Equal(6, Map(report.Current.ByReceivingAgencyKind)["ChildrensSocialCare"]);
        Assert.Equal(["ChildrensSocialCare", "Other"], report.Current.AgencyKindsWithNone);
        Assert.Equal(["Children's Social Care", "Safeguarding Children Partnership"], report.Current.AgenciesWithNone);
        Assert.Equal(["ChildrensSocialCare", "Police", "Other"], report.Previous.AgencyKindsWithNone);
        Assert.Equal([new AgencyKindPair("Police", "ChildrensSocialCare", 2), new AgencyKindPair("School", "ChildrensSocialCare", 4)],
            report.ByRaisingAndReceivingKind);
    }

    [Fact]
    public async Task Counts_ByStageReached_CountsTheHighestStage_IncludingAStartAtStage3()
    {
        var report = await data.ReportAsync();

        Assert.Equal(new Dictionary<string, int> { ["1"] = 2, ["2"] = 1, ["3"] = 3, ["4"] = 0 }, Map(report.Current.ByStageReached));
        Assert.Equal(new Dictionary<string, int> { ["1"] = 0, ["2"] = 0, ["3"] = 1, ["4"] = 0 }, Map(report.Current.UrgentByStageReached));
    }

    [Fact]
    public async Task Counts_ByCategoryLevelAndOutcome_IncludingWithdrawn()
    {
        var report = await data.ReportAsync();

        var categories = Map(report.Current.ByCategory);
        Assert.Equal(11, categories.Count);
        Assert.Equal(2, categories["drift"]);
        Assert.Equal(1, categories["section-47"]);
        Assert.Equal(1, categories["below-threshold"]);
        Assert.Equal(1, categories["information-sharing"]);
        Assert.Equal(1, categories["other"]);
        Assert.Equal(0, categories["no-conference"]);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 1, ["2"] = 2, ["3"] = 2, ["4"] = 1 }, Map(report.Current.ByLevelOfNeed));
        Assert.Equal(new Dictionary<string, int> { ["decision-changed"] = 3, ["decision-upheld"] = 1, ["board-decision"] = 0, ["withdrawn"] = 1 },
            Map(report.Current.ByOutcome));
    }

    [Fact]
    public async Task Counts_Deadlines_MetFromStageRecords_MissedFromHistory()
    {
        var report = await data.ReportAsync();

        // Met: E2 stage 1 (escalated by the teacher in time) and stage 3, E3 stage 3, E4 stage 2, E5 stage 1. Withdrawn E1 is neither.
        // Missed: E2 stage 2, E4 stage 1, E7 stages 1 and 2.
        Assert.Equal(new DeadlineCounts(5, 4), report.Current.Deadlines);
        Assert.Equal([new StageDeadlines(1, 2, 2), new StageDeadlines(2, 1, 2), new StageDeadlines(3, 2, 0), new StageDeadlines(4, 0, 0)],
            report.DeadlinesByStage);
        Assert.Equal(new DeadlineCounts(1, 0), report.Previous.Deadlines);
    }

    [Fact]
    public async Task Counts_MedianWorkingDaysToResolution_OnTheWorkingDayCalendar()
    {
        var report = await data.ReportAsync();

        // E5 2, E2 4, E3 4, E4 9 (Easter and the late May bank holiday do not count): the middle two are 4 and 4.
        Assert.Equal(4.0, report.Current.MedianWorkingDaysToResolution);
        Assert.Equal(2.0, report.Previous.MedianWorkingDaysToResolution); // E0: 1 and 2 April
    }

    [Fact]
    public async Task Counts_MonthByMonth_AddUpToThePeriod()
    {
        var report = await data.ReportAsync();

        Assert.Equal(
        [
            (new DateOnly(2026, 4, 1), 3, 2, 3, 1),
            (new DateOnly(2026, 5, 1), 1, 1, 1, 1),
            (new DateOnly(2026, 6, 1), 2, 1, 1, 2),
        ], report.ByMonth.Select(m => (m.Month.From, m.Raised, m.Resolved, m.Met, m.Missed)));
    }

    [Fact]
    public async Task Counts_LearningAndGoodPractice_ListedAsWritten_WithHowOften()
    {
        var report = await data.ReportAsync();

        Assert.Equal([new TextCount(BoardReportDataset.ScriptLearning, 2)], report.LearningThemes);
        Assert.Equal([new TextCount(BoardReportDataset.GoodPractice, 1)], report.GoodPractice);
    }

    [Fact]
    public async Task Counts_DecisionPrompts_ByAgeBandAndReferred()
    {
        var report = await data.ReportAsync();

        Assert.Equal(new Dictionary<string, int> { ["under-13"] = 1, ["13-15"] = 1, ["16-17"] = 0 }, Map(report.Current.DecisionPrompts.ByAgeBand));
        Assert.Equal(2, report.Current.DecisionPrompts.Referred);
        Assert.Equal(0, report.Previous.DecisionPrompts.Referred);
        Assert.Equal(1, Map(report.Previous.DecisionPrompts.ByAgeBand)["16-17"]);
    }

    [Fact]
    public async Task Counts_AFinancialYear_ComparedWithTheYearBefore()
    {
        var report = await data.ReportAsync(ReportPeriod.FinancialYear(2026));

        Assert.Equal(7, report.Current.Raised); // E1 to E7
        Assert.Equal(new ReportPeriod(new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31)), report.Previous.Period);
        Assert.Equal(1, report.Previous.Raised);
        Assert.Equal(12, report.ByMonth.Count);
    }
}
