using System.Text;
using System.Text.Json.Nodes;
using Escalation.Reports.Rendering;

namespace Escalation.Web.Tests.Reports;

/// <summary>The three forms of the report, over <see cref="BoardReportDataset"/>, and the two ways of matching stage records to a period.</summary>
[Trait("Category", "db-sqlite")]
public sealed class BoardReportFormatTests(BoardReportDataset data) : IClassFixture<BoardReportDataset>
{
    private static readonly string[] ContractFields =
    [
        "period", "raised", "resolved", "open", "withdrawn", "byRaisingAgencyKind", "byReceivingAgencyKind", "agencyKindsWithNone",
        "byStageReached", "urgent", "byCategory", "byLevelOfNeed", "byOutcome", "deadlines", "medianWorkingDaysToResolution", "decisionPrompts",
    ];

    [Fact]
    public async Task Json_HasEveryContractField_HereAndForThePreviousPeriod()
    {
        var json = JsonNode.Parse((await data.RenderAsync(ReportFormat.Json)).Content)!;

        foreach (var field in ContractFields)
        {
            Assert.True(json[field] is not null || field == "medianWorkingDaysToResolution", field);
            Assert.True(json["previousPeriod"]![field] is not null || field == "medianWorkingDaysToResolution", "previousPeriod." + field);
        }

        Assert.Equal("2026-04-01", json["period"]!["from"]!.GetValue<string>());
        Assert.Equal("2026-06-30", json["period"]!["to"]!.GetValue<string>());
        Assert.Equal(3, json["byStageReached"]!["3"]!.GetValue<int>());
        Assert.Equal(1, json["byOutcome"]!["withdrawn"]!.GetValue<int>());
        Assert.Equal(5, json["deadlines"]!["met"]!.GetValue<int>());
        Assert.Equal(4, json["deadlines"]!["missed"]!.GetValue<int>());
        Assert.Equal(4.0, json["medianWorkingDaysToResolution"]!.GetValue<double>());
        Assert.Equal(2, json["decisionPrompts"]!["referred"]!.GetValue<int>());
        Assert.Equal("2026-01-01", json["previousPeriod"]!["period"]!["from"]!.GetValue<string>());
        Assert.Equal(BoardReportDataset.ScriptLearning, json["learningThemes"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Csv_OneTablePerSection_TitleHeaderRows_BlankLineBetween()
    {
        var csv = Encoding.UTF8.GetString((await data.RenderAsync(ReportFormat.Csv)).Content);
        var sections = csv.Split("\r\n\r\n");

        var titles = sections.Select(s => s.Split("\r\n")[0]).ToList();
        Assert.StartsWith("\"Board report: April to June 2026", titles[0], StringComparison.Ordinal);
        foreach (var title in new[] { "By raising agency kind", "By receiving agency kind", "Agency kinds that raised none", "By stage reached",
                     "By category", "By level of need", "By outcome", "Deadlines by stage", "Timeliness by month", "Learning themes", "Good practice" })
            Assert.Contains(title, titles);
        var stages = sections.Single(s => s.StartsWith("By stage reached", StringComparison.Ordinal)).Split("\r\n");
        Assert.Equal("Stage,Title,All,Urgent track,Previous period", stages[1]);
        Assert.Equal("3,Senior,3,1,0", stages[4]);
        Assert.Contains("Raised,6,1", sections[0], StringComparison.Ordinal);
        Assert.Contains("ChildrensSocialCare,Children's social care", csv, StringComparison.Ordinal);
        Assert.Contains("\"Quick <b>senior</b> response, \"\"same day\"\"\",1", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_BoardPaper_ChartsAsSvg_PrintsOnA4_EscapesLearning()
    {
        var html = Encoding.UTF8.GetString((await data.RenderAsync(ReportFormat.Html)).Content);

        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<svg class=\"chart\""));
        Assert.Contains("url(#p-hatch)", html, StringComparison.Ordinal);
        Assert.Contains("Stage 3: Senior", html, StringComparison.Ordinal);
        Assert.Contains("3 (1 urgent)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Threshold training", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>senior</b>", html, StringComparison.Ordinal);
        Assert.Contains("Children&#39;s social care, Other agencies.", html, StringComparison.Ordinal);
        Assert.Contains("up 5 from 1", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
