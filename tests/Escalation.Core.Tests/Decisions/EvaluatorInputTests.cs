using Escalation.Core.Decisions;

namespace Escalation.Core.Tests.Decisions;

/// <summary>What the evaluator refuses, naming the field, and the Fraser criteria.</summary>
public class EvaluatorInputTests
{
    private static DecisionEvaluation Evaluate(DecisionAnswers answers) => DecisionEvaluator.Evaluate(GuideTestData.Guide, answers);

    [Theory]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(25)]
    public void Evaluate_Age18OrOver_IsRefusedAsOutOfScope(int age)
    {
        var evaluation = Evaluate(Answers.Child(age));

        Assert.Null(evaluation.Result);
        var message = Assert.Single(Assert.Contains("childAgeYears", evaluation.Errors));
        Assert.Equal(GuideTestData.Guide.OutOfScope, message);
        Assert.Contains("under 18", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    [InlineData(int.MaxValue)]
    public void Evaluate_ImpossibleAge_IsRefused(int age)
    {
        var message = Assert.Single(Assert.Contains("childAgeYears", Evaluate(Answers.Child(age)).Errors));

        Assert.Contains("from 0 to 17", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoAge_IsRefused()
    {
        Assert.Contains("childAgeYears", Evaluate(Answers.Child(14) with { ChildAgeYears = null }).Errors);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(150)]
    public void Evaluate_ImpossiblePartnerAge_IsRefused(int partner)
    {
        Assert.Contains("partnerAgeYears", Evaluate(Answers.Child(14, partner)).Errors);
    }

    [Fact]
    public void Evaluate_UnknownFactor_NamesTheFieldAndTheKey()
    {
        var errors = Evaluate(Answers.Child(14) with { Factors = ["age-imbalance", "bad-vibes"] }).Errors;

        var message = Assert.Single(Assert.Single(errors, e => e.Key == "factors").Value);
        Assert.Contains("'bad-vibes' is not a risk factor", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WarningSignSentAsFactor_SaysWhereItBelongs()
    {
        var message = Assert.Single(Assert.Contains("factors", Evaluate(Answers.Child(14) with { Factors = ["gang-links"] }).Errors));

        Assert.Contains("send it in warningSigns", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnknownWarningSignAndEmptyFactor_NamesBothFields()
    {
        var errors = Evaluate(Answers.Child(14) with { Factors = [null], WarningSigns = ["missing"] }).Errors;

        Assert.Equal(["factors", "warningSigns"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_RepeatedKeys_AreCountedOnce()
    {
        var evaluation = Evaluate(Answers.Child(14) with { Factors = ["secrecy", "secrecy"] });

        Assert.Equal(["secrecy"], evaluation.Answers!.Factors);
    }

    [Fact]
    public void Evaluate_AllFraserCriteriaMetAt14_FraserMetAndTheNoteIsAdded()
    {
        var result = Answers.Result(Answers.Child(14) with { ContraceptionRequested = true, Fraser = Answers.Fraser() });

        Assert.True(result.FraserMet);
        Assert.EndsWith(GuideTestData.Guide.Fraser.MetNote, result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneFraserCriterionNotMetAt15_FraserNotMet()
    {
        var result = Answers.Result(Answers.Child(15) with { ContraceptionRequested = true, Fraser = Answers.Fraser(cannotTell: false) });

        Assert.False(result.FraserMet);
        Assert.EndsWith(GuideTestData.Guide.Fraser.NotMetNote, result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FraserNotMet_DoesNotChangeTheRule()
    {
        var result = Answers.Result(Answers.Child(14) with { ContraceptionRequested = true, Fraser = Answers.Fraser(understands: false) });

        Assert.Equal(["every-13-15"], result.Rules);
    }

    [Fact]
    public void Evaluate_NoContraceptionRequested_FraserMetIsNull()
    {
        var result = Answers.Result(Answers.Child(14) with { ContraceptionRequested = false, Fraser = Answers.Fraser() });

        Assert.Null(result.FraserMet);
        Assert.Equal(GuideTestData.Guide.Rules.Single(r => r.Id == "every-13-15").Explanation, result.Explanation);
    }

    [Fact]
    public void Evaluate_ContraceptionRequestedAt16_FraserMetIsNullAndNoAnswersNeeded()
    {
        Assert.Null(Answers.Result(Answers.Child(16) with { ContraceptionRequested = true }).FraserMet);
    }

    [Fact]
    public void Evaluate_ContraceptionRequestedUnder13_FraserIsStillAnswered()
    {
        var result = Answers.Result(Answers.Child(12) with { ContraceptionRequested = true, Fraser = Answers.Fraser() });

        Assert.True(result.FraserMet);
        Assert.Equal("under-13", result.Rule);
    }

    [Fact]
    public void Evaluate_ContraceptionRequestedAt14WithACriterionUnanswered_NamesTheCriterion()
    {
        var fraser = Answers.Fraser();
        fraser.Remove("healthWouldSuffer");
        fraser["bestInterests"] = null;

        var errors = Evaluate(Answers.Child(14) with { ContraceptionRequested = true, Fraser = fraser }).Errors;

        Assert.Equal(["fraser.bestInterests", "fraser.healthWouldSuffer"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_UnknownFraserKey_IsRefused()
    {
        var fraser = Answers.Fraser();
        fraser["parentsAgree"] = true;

        var message = Assert.Single(Assert.Contains("fraser", Evaluate(Answers.Child(14) with { ContraceptionRequested = true, Fraser = fraser }).Errors));

        Assert.Contains("'parentsAgree' is not a Fraser criterion", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FraserKeyInAnotherCase_IsAcceptedUnderTheGuidesSpelling()
    {
        var evaluation = Evaluate(Answers.Child(14) with
        {
            ContraceptionRequested = true,
            Fraser = new Dictionary<string, bool?>
            {
                ["UnderstandsAdvice"] = true, ["cannotBePersuadedToTellParents"] = true, ["likelyToContinueSex"] = true,
                ["healthWouldSuffer"] = true, ["bestinterests"] = true,
            },
        });

        Assert.True(evaluation.Result!.FraserMet);
        Assert.Contains("understandsAdvice", evaluation.Answers!.Fraser.Keys);
    }
}
