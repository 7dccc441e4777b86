using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Services.Decisions;

/// <summary>One line of a list of assessments: enough to find it, and where its approval stands (null when none was asked).</summary>
public sealed record AssessmentListItem(
    Guid Id, string ChildReference, string AgeBand, DateTimeOffset CreatedAt, DateOnly? ReviewDate, Guid AssessedById, Guid AgencyId,
    Guid? ApproverId, AssessmentApproval? Approval);

/// <summary>The assessments a person may read, newest first, with their approvals.</summary>
public sealed class AssessmentList(EscalationDbContext db, DirectoryCache directoryCache)
{
    public async Task<IReadOnlyList<AssessmentListItem>> ForAsync(Guid viewerId, CancellationToken ct = default)
    {
        var directory = await directoryCache.ReadAsync(db, ct);
        if (directory.Find(viewerId) is not { } viewer)
            return [];

        // The database narrows to the rows the rules could allow; AssessmentAccess has the last word on each.
        var everything = viewer.HasRole(Roles.BoardBusinessUnit) || viewer.HasRole(Roles.BoardChair) || viewer.HasRole(Roles.Admin);
        var wholeAgency = viewer.HasRole(Roles.Manager) || viewer.HasRole(Roles.Senior);
        var reports = directory.People.Where(p => p.ManagerId == viewer.Id).Select(p => p.Id).ToList();
        var rows = await (
                from a in db.Assessments.AsNoTracking()
                join p in db.AssessmentApprovals.AsNoTracking() on a.Id equals p.AssessmentId into approvals
                from p in approvals.DefaultIfEmpty()
                where everything || a.AssessedById == viewer.Id || a.ApproverId == viewer.Id || reports.Contains(a.AssessedById)
                    || (wholeAgency && a.AgencyId == viewer.AgencyId)
                orderby a.CreatedAt descending, a.Id descending
                select new AssessmentListItem(a.Id, a.ChildReference, a.AgeBand, a.CreatedAt, a.ReviewDate, a.AssessedById, a.AgencyId,
                    a.ApproverId, p))
            .ToListAsync(ct);
        return [.. rows.Where(r => Core.Decisions.AssessmentAccess.CanRead(
            viewer, r.AssessedById, directory.Find(r.AssessedById)?.ManagerId, r.AgencyId, r.ApproverId))];
    }
}
