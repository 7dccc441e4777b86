using Escalation.Core.Decisions;

namespace Escalation.Web.Pages.Decisions;

internal sealed class RiskFactorsModel(DecisionGuideCatalog guides) : ChecklistModel(guides)
{
    public override string Back => Draft.SeenResult ? DecisionSteps.Result : DecisionSteps.Partner;

    protected override string Step => DecisionSteps.RiskFactors;

    protected override IReadOnlyList<GuideItem> Items => Guide.Factors;

    protected override string Field => "factors";

    protected override string Next => DecisionSteps.WarningSigns;

    protected override List<string> Chosen { get => Draft.Factors; set => Draft.Factors = value; }

    protected override void MarkAnswered() => Draft.FactorsAnswered = true;
}
