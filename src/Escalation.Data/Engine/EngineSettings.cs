using Escalation.Core.Engine;

namespace Escalation.Data.Engine;

/// <summary>Settings the engine's persistence needs.</summary>
/// <param name="MessageIdDomain">The right-hand side of every Message-Id: the host of <c>Escalation:BaseUrl</c>.</param>
/// <param name="BoardBusinessUnitMailbox">The unit's shared address (<c>Escalation:Mail:BoardBusinessUnitAddress</c>), if any.</param>
public sealed record EngineSettings(string MessageIdDomain, SharedMailbox? BoardBusinessUnitMailbox = null)
{
    public Recipients RecipientsFor(Core.Policies.PolicyDefinition policy, IDirectoryView directory) =>
        new(policy, directory, BoardBusinessUnitMailbox);
}
