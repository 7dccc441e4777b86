namespace Escalation.Core.Decisions;

/// <summary>
/// Every loaded decision guide version. New assessments use the newest version of a guide; a stored assessment
/// keeps the version it was made under.
/// </summary>
public sealed class DecisionGuideCatalog
{
    /// <summary>The guide for children and young people who are sexually active.</summary>
    public const string SexualActivityId = "sexual-activity";

    public DecisionGuideCatalog(IEnumerable<DecisionGuide> guides)
    {
        ArgumentNullException.ThrowIfNull(guides);
        Guides = [.. guides.OrderBy(g => g.Id, StringComparer.Ordinal).ThenBy(g => g.Version)];
    }

    public IReadOnlyList<DecisionGuide> Guides { get; }

    /// <summary>The newest version of a guide, or null if no version is loaded.</summary>
    public DecisionGuide? Current(string id) => Guides.Where(g => g.Id == id).MaxBy(g => g.Version);

    public DecisionGuide? Find(string id, int version) => Guides.FirstOrDefault(g => g.Id == id && g.Version == version);
}
