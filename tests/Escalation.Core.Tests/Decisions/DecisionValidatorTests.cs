using Escalation.Core.Decisions;
using Escalation.Core.Engine;

namespace Escalation.Core.Tests.Decisions;

/// <summary>The decision: required actions taken or explained, a senior's approval where the rule demands it, a review date.</summary>
public class DecisionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 18);
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly DirectoryPerson Assessor = Person("Tess Teacher", Roles.Practitioner);
    private static readonly DirectoryPerson Senior = Person("Sam Senior", Roles.Senior);
    private static readonly DirectoryPerson Manager = Person("Mina Manager", Roles.Manager);
    private static readonly DirectoryPerson OtherAgencySenior = Person("Cal Senior", Roles.Senior) with { AgencyId = Guid.NewGuid() };

    private static readonly DecisionResult Under13 = Answers.Result(Answers.Child(12));
    private static readonly DecisionResult NoConcern14 = Answers.Result(Answers.Child(14));
    private static readonly DecisionResult Concern14 = Answers.Result(Answers.Child(14) with { WarningSigns = ["missing-education"] });

    private static readonly string[] Under13Actions =
        [DecisionActions.ReferCsc, DecisionActions.NotifyPolice, DecisionActions.ConsultDsl, DecisionActions.DiscussOtherAgencies,
            DecisionActions.CseScreening, DecisionActions.ContinueSupport];

    private static DirectoryPerson Person(string name, params string[] roles) =>
        new(Guid.NewGuid(), name, "x@example.org", Agency, null, roles.ToHashSet());

    private static RecordedDecision Decision(params string[] taken) =>
        new(taken, Consulted: "Dee Lead, DSL", ConsultedAt: Now.AddHours(-1));

    private static DecisionCheck Check(DecisionResult result, RecordedDecision? decision, DirectoryPerson? approver = null) =>
        DecisionValidator.Validate(GuideTestData.Guide, result, decision, Assessor, approver, Now, Today);

    [Fact]
    public void Validate_Under13AllActionsTaken_IsValidWithoutRationaleApproverOrReviewDate()
    {
        var check = Check(Under13, Decision(Under13Actions));

        Assert.True(check.IsValid);
        Assert.True(check.Referred);
        Assert.Empty(check.LeftOut);
    }

    [Fact]
    public void Validate_RequiredActionLeftOutWithoutRationale_Is422NamingTheRationaleAndTheAction()
    {
        var check = Check(Concern14, Decision(DecisionActions.ReferCsc, DecisionActions.ConsultDsl, DecisionActions.DiscussOtherAgencies,
            DecisionActions.ContinueSupport));

        Assert.Empty(check.Invalid);
        var message = Assert.Single(Assert.Single(check.Unprocessable).Value);
        Assert.Contains("Complete the exploitation screening tool", message, StringComparison.Ordinal);
        Assert.Equal([DecisionActions.CseScreening], check.LeftOut);
    }

    [Fact]
    public void Validate_RequiredActionLeftOutWithRationale_IsValidWhenTheRuleNeedsNoApproval()
    {
        var decision = Decision(DecisionActions.ReferCsc, DecisionActions.ConsultDsl, DecisionActions.DiscussOtherAgencies)
            with { Rationale = "Screening completed last week by the youth service; no change since." };

        Assert.True(Check(Concern14, decision).IsValid);
    }

    [Fact]
    public void Validate_Under13OverrideWithoutApprover_Is422NamingTheApprover()
    {
        var decision = Decision(DecisionActions.ConsultDsl, DecisionActions.CseScreening)
            with { Rationale = "Exceptional: see the strategy notes.", ReviewDate = Today.AddMonths(1) };

        var check = Check(Under13, decision);

        var message = Assert.Single(Assert.Single(check.Unprocessable, e => e.Key == "decision.approverId").Value);
        Assert.Contains("senior manager", message, StringComparison.Ordinal);
        Assert.Single(check.Unprocessable);
    }

    [Fact]
    public void Validate_Under13OverrideWithASeniorApprover_IsValid()
    {
        var decision = Decision(DecisionActions.ConsultDsl, DecisionActions.DiscussOtherAgencies, DecisionActions.CseScreening,
                DecisionActions.ContinueSupport, DecisionActions.SeniorApprovalToOverride)
            with { Rationale = "Exceptional: see the strategy notes.", ReviewDate = Today.AddMonths(1), ApproverId = Senior.Id };

        var check = Check(Under13, decision, Senior);

        Assert.True(check.IsValid);
        Assert.False(check.Referred);
        Assert.Equal([DecisionActions.ReferCsc, DecisionActions.NotifyPolice], check.LeftOut);
    }

    [Fact]
    public void Validate_Under13OverrideApprovedByAManager_Is422()
    {
        var decision = Decision(DecisionActions.ConsultDsl, DecisionActions.CseScreening)
            with { Rationale = "Exceptional.", ReviewDate = Today.AddMonths(1), ApproverId = Manager.Id };

        var message = Assert.Single(Assert.Contains("decision.approverId", Check(Under13, decision, Manager).Unprocessable));

        Assert.Contains("Senior role", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ApproverNotInTheDirectory_Is422()
    {
        var decision = Decision(Under13Actions) with { ApproverId = Guid.NewGuid() };

        Assert.Contains("decision.approverId", Check(Under13, decision, approver: null).Unprocessable);
    }

    [Fact]
    public void Validate_ApproverDeactivated_Is422SayingTheyHaveLeft()
    {
        var left = Senior with { DeactivatedAt = Now.AddDays(-1) };
        var decision = Decision(DecisionActions.ConsultDsl) with { Rationale = "Exceptional.", ReviewDate = Today.AddDays(7), ApproverId = left.Id };

        var message = Assert.Single(Assert.Contains("decision.approverId", Check(Under13, decision, left).Unprocessable));

        Assert.Contains("has left", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReviewDateTooLate_MessageGivesTheLatestDateInWords()
    {
        var decision = Decision(DecisionActions.ConsultDsl, DecisionActions.ContinueSupport) with { Rationale = "Agreed with DSL.", ReviewDate = Today.AddYears(3) };

        var check = Check(NoConcern14, decision);

        var message = Assert.Single(Assert.Contains("decision.reviewDate", check.Invalid));
        Assert.Matches(@"\d{1,2} [A-Z][a-z]+ \d{4} at the latest$", message);
        Assert.DoesNotContain("-", message.Split(':')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeniorApprovingTheirOwnOverride_Is422()
    {
        var decision = Decision(DecisionActions.ConsultDsl) with { Rationale = "Exceptional.", ReviewDate = Today.AddDays(7), ApproverId = Senior.Id };

        var check = DecisionValidator.Validate(GuideTestData.Guide, Under13, decision, Senior, Senior, Now, Today);

        Assert.Contains("own decision", Assert.Single(Assert.Contains("decision.approverId", check.Unprocessable)), StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_ByAnotherAgencysSenior_Refused()
    {
        var decision = Decision(DecisionActions.ConsultDsl) with { Rationale = "Exceptional.", ReviewDate = Today.AddDays(7), ApproverId = OtherAgencySenior.Id };

        var check = Check(Under13, decision, OtherAgencySenior);

        Assert.Contains("your own agency", Assert.Single(Assert.Contains("decision.approverId", check.Unprocessable)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OverrideWhereTheRuleNeedsNoApproval_NeedsNoApprover()
    {
        var decision = Decision(DecisionActions.ConsultDsl) with { Rationale = "Agreed with DSL.", ReviewDate = Today.AddMonths(3) };

        Assert.True(Check(NoConcern14, decision).IsValid);
    }

    [Fact]
    public void Validate_NoReferralWithoutReviewDate_Is422NamingTheReviewDate()
    {
        var check = Check(NoConcern14, Decision(DecisionActions.ConsultDsl, DecisionActions.ContinueSupport));

        Assert.Equal(["decision.reviewDate"], check.Unprocessable.Keys);
    }

    [Fact]
    public void Validate_ConsultedTheDslWithoutSayingWhoOrWhen_Is422ForBoth()
    {
        var decision = new RecordedDecision([DecisionActions.ConsultDsl, DecisionActions.ContinueSupport], ReviewDate: Today.AddDays(30));

        Assert.Equal(["decision.consulted", "decision.consultedAt"], Check(NoConcern14, decision).Unprocessable.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_SeveralThingsMissing_ReportsThemAllAt422()
    {
        var check = Check(Under13, new RecordedDecision([]));

        Assert.Equal(["decision.approverId", "decision.rationale", "decision.reviewDate"], check.Unprocessable.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    public void Validate_ReviewDateMustBeAfterToday(int daysAhead, bool valid)
    {
        var decision = Decision(DecisionActions.ConsultDsl, DecisionActions.ContinueSupport) with { ReviewDate = Today.AddDays(daysAhead) };

        var check = Check(NoConcern14, decision);

        Assert.Equal(valid, check.IsValid);
        Assert.Equal(!valid, check.Invalid.ContainsKey("decision.reviewDate"));
    }

    [Fact]
    public void Validate_ReviewDateWithinTwelveMonths_IsValidAndADayLaterIsNot()
    {
        var decision = Decision(DecisionActions.ConsultDsl, DecisionActions.ContinueSupport);

        Assert.True(Check(NoConcern14, decision with { ReviewDate = new DateOnly(2027, 12, 18) }).IsValid);
        Assert.Contains("decision.reviewDate", Check(NoConcern14, decision with { ReviewDate = new DateOnly(2027, 12, 19) }).Invalid);
    }

    [Fact]
    public void Validate_UnknownActionTaken_Is400()
    {
        var check = Check(Under13, Decision([.. Under13Actions, "phone-a-friend"]));

        Assert.Contains("'phone-a-friend' is not an action", Assert.Single(Assert.Contains("decision.actionsTaken", check.Invalid)), StringComparison.Ordinal);
        Assert.Empty(check.Unprocessable);
    }

    [Fact]
    public void Validate_NoDecisionOrNoActionsList_Is400()
    {
        Assert.Contains("decision", Check(Under13, null).Invalid);
        Assert.Contains("decision.actionsTaken", Check(Under13, new RecordedDecision(null)).Invalid);
    }

    [Fact]
    public void Validate_ConsultationInTheFuture_Is400()
    {
        var decision = Decision(Under13Actions) with { ConsultedAt = Now.AddHours(1) };

        Assert.Contains("decision.consultedAt", Check(Under13, decision).Invalid);
    }

    [Fact]
    public void Validate_RationaleTooLong_Is400()
    {
        var decision = Decision(Under13Actions) with { Rationale = new string('x', DecisionValidator.RationaleMax + 1) };

        Assert.Contains("decision.rationale", Check(Under13, decision).Invalid);
    }
}
