using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Reports;
using Escalation.Reports.Model;
using Escalation.Reports.Periods;
using Escalation.Services.Escalations;
using Escalation.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// A small history, made through the real engine on a fake clock, whose report for April to June 2026 the tests work out
/// by hand. Times are UTC; British Summer Time (UTC+1) runs from 29 March to 25 October 2026. Bank holidays met: Good
/// Friday 3 April, Easter Monday 6 April, 25 May. The school's teacher and the police officer raise, always about the
/// social worker's decision (Children's Social Care); the board's own agency raises nothing.
/// <list type="table">
/// <item>E0: 31 Mar 22:30 (23:30 BST, so in March) teacher, standard; resolved 2 Apr (upheld). Previous period only.</item>
/// <item>E1: 31 Mar 23:30 (00:30 BST on 1 April) police, drift, level 2; withdrawn 6 Apr.</item>
/// <item>E2: 1 Apr 09:00 teacher, URGENT, section-47, level 4; escalated by the teacher 2 Apr 15:00 (stage 1 met);
///   stage 2 due end of 7 Apr missed, moved to stage 3 on 8 Apr; resolved 9 Apr 10:00 (stage 3 met), decision changed,
///   learning with a script tag. 4 working days (2, 7, 8, 9 Apr).</item>
/// <item>E3: 14 Apr 09:00 teacher, starts at STAGE 3, below-threshold, level 3; resolved 20 Apr (met), upheld, good practice.
///   4 working days (15, 16, 17, 20 Apr).</item>
/// <item>E4: 20 May 13:00 police, information-sharing, level 1; stage 1 due end of 28 May missed, moved to stage 2 on 29 May;
///   resolved 3 Jun (met), decision changed, the same learning as E2. 9 working days (21, 22, 26-29 May, 1-3 Jun).</item>
/// <item>E5: 30 Jun 22:30 (23:30 BST, still June) teacher, drift, level 2; resolved 2 Jul, in the next quarter (met),
///   decision changed. 2 working days (1, 2 Jul).</item>
/// <item>E6: 30 Jun 23:30 (00:30 BST on 1 July) teacher: next quarter, not counted.</item>
/// <item>E7: 10 Jun 09:00 teacher, other, level 3; stage 1 missed (17 Jun), stage 2 missed (25 Jun): open at stage 3.</item>
/// </list>
/// Decision prompts: 10 Apr (13-15, referred), 5 May (under-13, referred), 20 Mar (16-17, not referred).
/// The report is made on 15 July 2026.
/// </summary>
public sealed class BoardReportDataset : IAsyncLifetime, IDisposable
{
    public const string ScriptLearning = "<script>alert(1)</script> Threshold training";
    public const string GoodPractice = "Quick <b>senior</b> response, \"same day\"";

    public static readonly ReportPeriod Quarter = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));

    private static readonly DateTimeOffset Begins = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>On a SQLite file of its own.</summary>
    public BoardReportDataset() => Host = new EngineHost(new FakeTimeProvider(Begins));

    private BoardReportDataset(TestDatabase database) => Host = new EngineHost(new FakeTimeProvider(Begins), database);

    public EngineHost Host { get; }

    /// <summary>On the given database (PostgreSQL, for one); a class fixture has one public constructor only.</summary>
    public static BoardReportDataset On(TestDatabase database) => new(database);

    public TestPartnership People { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var p = People = await Host.SeedAsync();
        var e0 = await RaiseAt(At(3, 31, 22, 30), p.Teacher, p.Raise());
        var e1 = await RaiseAt(At(3, 31, 23, 30), p.Outsider, p.Raise() with { Category = "drift", LevelOfNeed = 2 });
        var e2 = await RaiseAt(At(4, 1, 9, 0), p.Teacher, p.Raise("urgent") with { Category = "section-47", LevelOfNeed = 4 });
        await MoveAt(At(4, 2, 9, 0), e0, p.Teacher, new Resolve(OutcomeKind.DecisionUpheld, "Upheld"));
        await MoveAt(At(4, 2, 15, 0), e2, p.Teacher, new Escalate("No agreement"));
        await MoveAt(At(4, 6, 10, 0), e1, p.Outsider, new Withdraw("Resolved informally"));
        await FireAt(At(4, 8, 8, 0));
        await MoveAt(At(4, 9, 10, 0), e2, p.Teacher, new Resolve(OutcomeKind.DecisionChanged, "Section 47 started"), ScriptLearning);
        var e3 = await RaiseAt(At(4, 14, 9, 0), p.Teacher, p.Raise(startAtStage: 3, reason: "High risk"));
        await MoveAt(At(4, 20, 11, 0), e3, p.Teacher, new Resolve(OutcomeKind.DecisionUpheld, "Upheld"), goodPractice: GoodPractice);
        var e4 = await RaiseAt(At(5, 20, 13, 0), p.Outsider, p.Raise() with { Category = "information-sharing", LevelOfNeed = 1 });
        await FireAt(At(5, 29, 8, 0));
        await MoveAt(At(6, 3, 10, 0), e4, p.Outsider, new Resolve(OutcomeKind.DecisionChanged, "Shared"), ScriptLearning);
        await RaiseAt(At(6, 10, 9, 0), p.Teacher, p.Raise() with { Category = "other" });
        await FireAt(At(6, 18, 8, 0));
        await FireAt(At(6, 26, 8, 0));
        var e5 = await RaiseAt(At(6, 30, 22, 30), p.Teacher, p.Raise() with { Category = "drift", LevelOfNeed = 2 });
        await RaiseAt(At(6, 30, 23, 30), p.Teacher, p.Raise());
        await MoveAt(At(7, 2, 10, 0), e5, p.Teacher, new Resolve(OutcomeKind.DecisionChanged, "Accepted"));
        await AddAssessmentsAsync();
        Host.Clock.SetUtcNow(At(7, 15, 12, 0));
    }

    public Task<BoardReport> ReportAsync(ReportPeriod? period = null) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<BoardReportService>().BuildAsync(period ?? Quarter));

    public Task<RenderedReport> RenderAsync(Escalation.Reports.Rendering.ReportFormat format) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<BoardReportService>().RenderAsync(Quarter, format));

    public static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private async Task<Guid> RaiseAt(DateTimeOffset at, Guid raiser, RaiseRequest request)
    {
        Host.Clock.SetUtcNow(at);
        var raised = await Host.RaiseAsync(raiser, request with { DecisionDate = DateOnly.FromDateTime(at.UtcDateTime).AddDays(-2) });
        Assert.True(raised.Value is not null,
            $"raise at {at:O} failed: {raised.Status} {string.Join("; ", raised.Errors?.Select(e => e.Key + ": " + string.Join(" ", e.Value)) ?? [])}");
        return raised.Value.Id;
    }

    private async Task MoveAt(DateTimeOffset at, Guid id, Guid actor, Move move, string? learning = null, string? goodPractice = null)
    {
        Host.Clock.SetUtcNow(at);
        var outcome = move is Resolve ? new OutcomeDetails([], learning, goodPractice) : null;
        var result = await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationService>().MoveAsync(id, actor, move, outcome: outcome));
        Assert.True(result.Value is not null, $"{move.GetType().Name} at {at:O} failed: {result.Status} {result.Rejection?.Message}");
    }

    private async Task FireAt(DateTimeOffset at)
    {
        Host.Clock.SetUtcNow(at);
        await Host.FireDueAsync();
    }

    private Task<int> AddAssessmentsAsync() => Host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EscalationDbContext>();
        Assessment Make(DateTimeOffset at, string band, bool referred) => new()
        {
            Id = Guid.CreateVersion7(at), DefinitionId = "sexual-activity", DefinitionVersion = 1, ChildReference = "CH-9", ChildAgeYears = 14,
            Answers = "{}", AgeBand = band, Rule = "rule", Explanation = "explanation", Referred = referred,
            AssessedById = People.Teacher, AgencyId = People.SchoolId, CreatedAt = at,
        };
        db.Assessments.AddRange(Make(At(4, 10, 12, 0), "13-15", true), Make(At(5, 5, 12, 0), "under-13", true), Make(At(3, 20, 12, 0), "16-17", false));
        return await db.SaveChangesAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Host.Dispose();
}
