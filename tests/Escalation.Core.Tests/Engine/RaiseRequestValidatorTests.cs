using Escalation.Core.Engine;
using Escalation.Core.Policies;
using static Escalation.Core.Tests.Engine.TestData;

namespace Escalation.Core.Tests.Engine;

/// <summary><see cref="RaiseRequestValidator"/>: every fault in a raise request, named by its camelCase JSON field.</summary>
public class RaiseRequestValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 18);

    private static readonly RaiseRequest Valid = new(
        ChildReference: "CHILD-0042",
        ChildAgeYears: 14,
        RespondentId: People.Respondent.Id,
        Category: "below-threshold",
        LevelOfNeed: 3,
        DecisionChallenged: "The referral was closed with no further action.",
        DecisionDate: new DateOnly(2026, 12, 17),
        Concern: "The child disclosed neglect to a teacher the day after the referral was closed.",
        DesiredOutcome: "A child and family assessment.",
        Track: "standard",
        StartAtStage: 1,
        StartAtStageReason: null,
        UrgentReason: null,
        ChildAtImmediateRisk: false,
        ImmediateReferralMade: false);

    private static readonly Dictionary<string, Func<RaiseRequest, RaiseRequest>> Changes = new()
    {
        ["missing childReference"] = r => r with { ChildReference = null },
        ["blank childReference"] = r => r with { ChildReference = "  " },
        ["childReference of 101 chars"] = r => r with { ChildReference = new string('C', 101) },
        ["age 18"] = r => r with { ChildAgeYears = 18 },
        ["age -1"] = r => r with { ChildAgeYears = -1 },
        ["missing respondentId"] = r => r with { RespondentId = null },
        ["empty respondentId"] = r => r with { RespondentId = Guid.Empty },
        ["respondent is the raiser"] = r => r with { RespondentId = People.Raiser.Id },
        ["unknown category"] = r => r with { Category = "not-a-category" },
        ["missing category"] = r => r with { Category = "" },
        ["level 5"] = r => r with { LevelOfNeed = 5 },
        ["level 0"] = r => r with { LevelOfNeed = 0 },
        ["missing level"] = r => r with { LevelOfNeed = null },
        ["missing decisionChallenged"] = r => r with { DecisionChallenged = null },
        ["decision date tomorrow"] = r => r with { DecisionDate = Today.AddDays(1) },
        ["missing decision date"] = r => r with { DecisionDate = null },
        ["missing concern"] = r => r with { Concern = null },
        ["concern of 10,001 chars"] = r => r with { Concern = new string('x', 10_001) },
        ["missing desiredOutcome"] = r => r with { DesiredOutcome = " " },
        ["track fast"] = r => r with { Track = "fast" },
        ["startAtStage 7"] = r => r with { StartAtStage = 7, StartAtStageReason = "A reason" },
        ["startAtStage 0"] = r => r with { StartAtStage = 0 },
        ["startAtStage 2 without reason"] = r => r with { StartAtStage = 2 },
        ["startAtStage 4 with blank reason"] = r => r with { StartAtStage = 4, StartAtStageReason = "   " },
        ["over-long startAtStageReason"] = r => r with { StartAtStage = 2, StartAtStageReason = new string('r', 10_001) },
        ["over-long urgentReason"] = r => r with { Track = "urgent", UrgentReason = new string('u', 10_001) },
    };

    public static TheoryData<string, string> Faults => new()
    {
        { "missing childReference", "childReference" },
        { "blank childReference", "childReference" },
        { "childReference of 101 chars", "childReference" },
        { "age 18", "childAgeYears" },
        { "age -1", "childAgeYears" },
        { "missing respondentId", "respondentId" },
        { "empty respondentId", "respondentId" },
        { "respondent is the raiser", "respondentId" },
        { "unknown category", "category" },
        { "missing category", "category" },
        { "level 5", "levelOfNeed" },
        { "level 0", "levelOfNeed" },
        { "missing level", "levelOfNeed" },
        { "missing decisionChallenged", "decisionChallenged" },
        { "decision date tomorrow", "decisionDate" },
        { "missing decision date", "decisionDate" },
        { "missing concern", "concern" },
        { "concern of 10,001 chars", "concern" },
        { "missing desiredOutcome", "desiredOutcome" },
        { "track fast", "track" },
        { "startAtStage 7", "startAtStage" },
        { "startAtStage 0", "startAtStage" },
        { "startAtStage 2 without reason", "startAtStageReason" },
        { "startAtStage 4 with blank reason", "startAtStageReason" },
        { "over-long startAtStageReason", "startAtStageReason" },
        { "over-long urgentReason", "urgentReason" },
    };

    public static TheoryData<string> Categories => new(
        "below-threshold", "section-47", "strategy-discussion", "no-conference", "plan-decision", "step-down-or-closure",
        "information-sharing", "service-provision", "roles-and-responsibilities", "drift", "other");

    private static IReadOnlyDictionary<string, string[]> Validate(RaiseRequest request) =>
        RaiseRequestValidator.Validate(request, Policy, Today, People.Raiser.Id);

    [Fact]
    public void Validate_ValidRequest_HasNoErrors()
    {
        Assert.Empty(Validate(Valid));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void Validate_OneFault_IsTheOnlyErrorAndNamedByItsJsonField(string fault, string field)
    {
        var errors = Validate(Changes[fault](Valid));

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Key);
        var message = Assert.Single(error.Value);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public void Validate_EveryFaultListedHasAnExpectedField()
    {
        Assert.Equal(Changes.Keys.Order(), Faults.Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void Validate_EachDefaultPolicyCategory_IsAccepted(string category)
    {
        Assert.Empty(Validate(Valid with { Category = category }));
    }

    [Fact]
    public void Validate_OptionalFieldsLeftOut_HasNoErrors()
    {
        Assert.Empty(Validate(Valid with { ChildAgeYears = null, Track = null, StartAtStage = null }));
    }

    [Fact]
    public void Validate_BoundaryValues_HaveNoErrors()
    {
        Assert.Empty(Validate(Valid with { ChildAgeYears = 0, LevelOfNeed = 1, DecisionDate = Today, Concern = new string('x', 10_000) }));
        Assert.Empty(Validate(Valid with { ChildAgeYears = 17, LevelOfNeed = 4, ChildReference = new string('C', 100) }));
    }

    [Fact]
    public void Validate_UrgentAtStage4WithReason_HasNoErrors()
    {
        Assert.Empty(Validate(Valid with { Track = "urgent", StartAtStage = 4, StartAtStageReason = "Stages 1-3 already tried" }));
    }

    [Fact]
    public void Validate_EmptyRequest_NamesEveryRequiredField()
    {
        var empty = new RaiseRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, false, false);

        var errors = Validate(empty);

        Assert.Equal(
            ["category", "childReference", "concern", "decisionChallenged", "decisionDate", "desiredOutcome", "levelOfNeed", "respondentId"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_UnknownCategory_MessageNamesTheCategoryAndPolicy()
    {
        var message = Assert.Single(Validate(Valid with { Category = "gossip" })["category"]);

        Assert.Contains("'gossip'", message, StringComparison.Ordinal);
        Assert.Contains(Policy.Title, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    public void ImmediateRiskNotReferred_OnlyWhenAtImmediateRiskAndNotReferred(bool atRisk, bool referred, bool expected)
    {
        var request = Valid with { ChildAtImmediateRisk = atRisk, ImmediateReferralMade = referred };

        Assert.Equal(expected, request.ImmediateRiskNotReferred);
    }

    [Theory]
    [InlineData("urgent", Track.Urgent)]
    [InlineData("standard", Track.Standard)]
    [InlineData(null, Track.Standard)]
    public void ParsedTrack_MapsTheContractsNames(string? track, Track expected)
    {
        Assert.Equal(expected, (Valid with { Track = track }).ParsedTrack);
    }
}
