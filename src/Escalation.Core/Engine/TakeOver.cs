namespace Escalation.Core.Engine;

/// <summary>
/// Who acts for someone who has left. A departed party's line manager takes over, or, where they have none (or the
/// line manager has left too), the managers of the party's agency. A departed line manager's place is taken by the
/// managers of their agency. Mail resolution and the deactivation page ask this one place.
/// </summary>
public static class TakeOver
{
    /// <summary>The person themselves while active; otherwise whoever takes over from them as a party.</summary>
    public static IEnumerable<DirectoryPerson> Reach(IDirectoryView directory, DirectoryPerson party) =>
        party.IsDeactivated ? LineManagers(directory, party) : [party];

    /// <summary>
    /// The party's line manager if they are still active; otherwise the managers of the party's agency (never the
    /// party, never anyone who has left).
    /// </summary>
    public static IReadOnlyList<DirectoryPerson> LineManagers(IDirectoryView directory, DirectoryPerson party)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(party);
        if (party.ManagerId is { } id && directory.Find(id) is { IsDeactivated: false } manager)
            return [manager];
        return [.. directory.InRole(Roles.Manager, party.AgencyId).Where(m => m.Id != party.Id && !m.IsDeactivated)];
    }
}
