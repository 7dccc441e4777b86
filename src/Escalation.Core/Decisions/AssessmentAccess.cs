using Escalation.Core.Engine;

namespace Escalation.Core.Decisions;

/// <summary>
/// Who may read a stored assessment: the assessor; their line manager; the managers and seniors of the agency it was
/// made in; the senior named to approve an override; and the board (business unit and chair). Administrators manage
/// the directory and do not read records unless they also hold a board role. Everyone else is told it does not
/// exist, as for escalations.
/// </summary>
public static class AssessmentAccess
{
    /// <summary>The roles that may record an assessment.</summary>
    public static readonly IReadOnlyList<string> AssessorRoles = [Roles.Practitioner, Roles.Manager, Roles.Senior];

    /// <param name="viewer">The person asking.</param>
    /// <param name="assessorId">Who made the assessment.</param>
    /// <param name="assessorManagerId">The assessor's line manager now, if any.</param>
    /// <param name="agencyId">The agency the assessment was made in.</param>
    /// <param name="approverId">The senior who approved an override, if any.</param>
    public static bool CanRead(DirectoryPerson viewer, Guid assessorId, Guid? assessorManagerId, Guid agencyId, Guid? approverId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Id == assessorId
            || viewer.Id == assessorManagerId
            || viewer.Id == approverId
            || viewer.HasRole(Roles.BoardBusinessUnit) || viewer.HasRole(Roles.BoardChair)
            || (viewer.AgencyId == agencyId && (viewer.HasRole(Roles.Manager) || viewer.HasRole(Roles.Senior)));
    }
}
