using Escalation.Core.Decisions;
using Escalation.Core.Policies;
using Escalation.Core.Tests.TestSupport;

namespace Escalation.Core.Tests.Decisions;

/// <summary>The shipped guide loads, and holds everything the domain note lists.</summary>
public class DefaultGuideTests
{
    private static readonly DecisionGuide Guide = GuideTestData.Guide;

    [Fact]
    public void Load_ShippedGuide_IsSexualActivityVersion2()
    {
        var guide = DecisionGuideLoader.Load(Path.Combine(RepoPaths.Workflows, GuideTestData.FileName));

        Assert.Equal(DecisionGuideCatalog.SexualActivityId, guide.Id);
        Assert.Equal(2, guide.Version);
        Assert.Equal(17, guide.MaxAge);
    }

    [Fact]
    public void Load_ShippedGuide_HasTheThreeAgeBands()
    {
        Assert.Equal(["under-13", "13-15", "16-17"], Guide.AgeBands.Select(b => b.Key));
        Assert.Equal([(0, 12), (13, 15), (16, 17)], Guide.AgeBands.Select(b => (b.FromAge, b.ToAge)));
    }

    [Fact]
    public void Load_ShippedGuide_LabelsEveryContractActionAndPartnerFlag()
    {
        Assert.Equal(DecisionActions.All, Guide.Actions.Select(a => a.Key));
        Assert.Equal(PartnerFlags.All, Guide.PartnerFlags.Select(f => f.Key));
    }

    [Theory]
    [InlineData("young-age")]
    [InlineData("maturity-and-understanding")]
    [InlineData("living-circumstances")]
    [InlineData("age-imbalance")]
    [InlineData("aggression-or-power-imbalance")]
    [InlineData("coercion-or-bribery")]
    [InlineData("sex-in-exchange")]
    [InlineData("familial-sexual-offences")]
    [InlineData("child-behaviour")]
    [InlineData("substances-to-lower-inhibitions")]
    [InlineData("child-substance-misuse")]
    [InlineData("secrecy")]
    [InlineData("denies-or-minimises")]
    [InlineData("grooming")]
    [InlineData("lacks-capacity")]
    [InlineData("learning-or-physical-disability")]
    [InlineData("mental-ill-health")]
    [InlineData("communication-difficulty")]
    [InlineData("emotional-immaturity")]
    [InlineData("low-self-esteem")]
    public void Load_ShippedGuide_HasRiskFactor(string key)
    {
        var factor = Assert.Single(Guide.Factors, f => f.Key == key);
        Assert.False(string.IsNullOrWhiteSpace(factor.Label));
        Assert.False(string.IsNullOrWhiteSpace(factor.Help));
    }

    [Theory]
    [InlineData("missing-from-home", "warning-sign")]
    [InlineData("missing-education", "warning-sign")]
    [InlineData("physical-injuries", "warning-sign")]
    [InlineData("drug-or-alcohol-misuse", "warning-sign")]
    [InlineData("offending", "warning-sign")]
    [InlineData("repeat-sexual-health-concerns", "warning-sign")]
    [InlineData("unexplained-gifts-or-money", "warning-sign")]
    [InlineData("relationships-with-older-people", "warning-sign")]
    [InlineData("change-in-appearance-or-behaviour", "warning-sign")]
    [InlineData("sexual-bullying-or-online-vulnerability", "warning-sign")]
    [InlineData("estranged-from-family", "warning-sign")]
    [InlineData("self-harm-or-poor-mental-health", "warning-sign")]
    [InlineData("frequent-emergency-visits", "warning-sign")]
    [InlineData("recruiting-others", "warning-sign")]
    [InlineData("history-of-abuse", "vulnerability")]
    [InlineData("chaotic-household", "vulnerability")]
    [InlineData("in-care-or-homeless", "vulnerability")]
    [InlineData("bereavement", "vulnerability")]
    [InlineData("gang-links", "vulnerability")]
    public void Load_ShippedGuide_HasWarningSign(string key, string group)
    {
        var sign = Assert.Single(Guide.WarningSigns, w => w.Key == key);
        Assert.Equal(group, sign.Group);
        Assert.False(string.IsNullOrWhiteSpace(sign.Help));
    }

    [Fact]
    public void Load_ShippedGuide_HasTheFiveFraserCriteriaForUnder16s()
    {
        Assert.Equal(16, Guide.Fraser.AppliesUnderAge);
        Assert.Equal(["understandsAdvice", "cannotBePersuadedToTellParents", "likelyToContinueSex", "healthWouldSuffer", "bestInterests"],
            Guide.Fraser.Criteria.Select(c => c.Key));
    }

    [Fact]
    public void Load_ShippedGuide_OnlyTheUnder13RuleNeedsSeniorApprovalToOverride()
    {
        Assert.Equal(["under-13"], Guide.Rules.Where(r => r.NeedsSeniorApprovalToOverride).Select(r => r.Id));
    }

    [Fact]
    public void LoadFolder_RepositoryWorkflows_FindsTheGuideAndThePolicyLoaderStillSkipsIt()
    {
        var guides = DecisionGuideLoader.LoadFolder(RepoPaths.Workflows);
        var policies = PolicyLoader.LoadFolder(RepoPaths.Workflows);

        Assert.Equal(DecisionGuideCatalog.SexualActivityId, Assert.Single(guides).Id);
        Assert.DoesNotContain(policies, p => p.Id == DecisionGuideCatalog.SexualActivityId);
    }

    [Fact]
    public void Catalog_TwoVersions_CurrentIsTheNewestAndBothCanBeFound()
    {
        var catalog = new DecisionGuideCatalog([Guide with { Version = 3 }, Guide]);

        Assert.Equal(3, catalog.Current(DecisionGuideCatalog.SexualActivityId)!.Version);
        Assert.NotNull(catalog.Find(DecisionGuideCatalog.SexualActivityId, 2));
        Assert.Null(catalog.Find(DecisionGuideCatalog.SexualActivityId, 1));
        Assert.Null(catalog.Current("something-else"));
    }
}
