using Escalation.Core.Decisions;

namespace Escalation.Web.Pages.Decisions;

internal sealed class WarningSignsModel(DecisionGuideCatalog guides) : ChecklistModel(guides)
{
    public override string Back => Draft.SeenResult ? DecisionSteps.Result : DecisionSteps.RiskFactors;

    protected override string Step => DecisionSteps.WarningSigns;

    protected override IReadOnlyList<GuideItem> Items => Guide.WarningSigns;

    protected override string Field => "warningSigns";

    protected override string Next => DecisionSteps.Contraception;

    protected override List<string> Chosen { get => Draft.WarningSigns; set => Draft.WarningSigns = value; }

    protected override void MarkAnswered() => Draft.WarningSignsAnswered = true;
}
