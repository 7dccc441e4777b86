using Escalation.Core.Calendar;
using Escalation.Core.Engine;

namespace Escalation.Core.Policies;

/// <summary>
/// Every loaded policy version, and the calendar they count working days on. New escalations use the newest
/// version of a policy; an existing escalation keeps the version it was raised under.
/// </summary>
public sealed class PolicyCatalog
{
    /// <summary>The policy new escalations are raised under unless another is named.</summary>
    public const string DefaultPolicyId = "professional-differences";

    private readonly Dictionary<(string Id, int Version), TransitionTable> _tables;

    public PolicyCatalog(IEnumerable<PolicyDefinition> policies, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Calendar = calendar;
        Policies = [.. policies.OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Version)];
        _tables = Policies.ToDictionary(p => (p.Id, p.Version), p => new TransitionTable(p, calendar));
    }

    public IReadOnlyList<PolicyDefinition> Policies { get; }

    public WorkingDayCalendar Calendar { get; }

    /// <summary>The newest version of a policy, or null if no version is loaded.</summary>
    public PolicyDefinition? Current(string id) =>
        Policies.Where(p => p.Id == id).MaxBy(p => p.Version);

    public PolicyDefinition? Find(string id, int version) =>
        _tables.TryGetValue((id, version), out var table) ? table.Policy : null;

    /// <summary>The transition table of one policy version; throws if that version is not loaded.</summary>
    public TransitionTable Table(string id, int version) =>
        _tables.TryGetValue((id, version), out var table)
            ? table
            : throw new InvalidOperationException($"Policy '{id}' version {version} is not loaded.");
}
