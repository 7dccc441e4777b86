using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Api;

/// <summary>Filters for the escalations list, as the contract names them.</summary>
internal sealed record EscalationFilter(EscalationStatus? Status, int? Stage, Guid? AgencyId, bool Overdue);

/// <summary>One escalation as read for a viewer: what the contract shows, the engine's state, and the directory read.</summary>
internal sealed record ReadEscalation(EscalationDto Escalation, EscalationState State, DirectorySnapshot Directory);

/// <summary>Reads escalations for one viewer, applying the contract's visibility rule to every row.</summary>
internal sealed class EscalationReader(EscalationDbContext db, PolicyCatalog catalog, TimeProvider clock, DirectoryCache directoryCache)
{
    public async Task<EscalationDto?> GetAsync(Guid id, Guid viewerId, CancellationToken ct) =>
        (await ReadAsync(id, viewerId, ct))?.Escalation;

    /// <summary>As <see cref="GetAsync"/>, with the engine's state of the escalation and the directory it was read against.</summary>
    public async Task<ReadEscalation?> ReadAsync(Guid id, Guid viewerId, CancellationToken ct)
    {
        var record = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (record is null)
            return null;

        var directory = await directoryCache.ReadAsync(db, ct);
        if (!CanSee(directory, viewerId, record))
            return null;

        var history = await db.History.AsNoTracking().Where(h => h.EscalationId == id).OrderBy(h => h.Id).ToListAsync(ct);
        return new ReadEscalation(
            EscalationMapping.ToDto(record, Policy(record), history, Parties(directory), clock.GetUtcNow()), record.ToState(), directory);
    }

    /// <summary>A new escalation as its raiser sees it, from what the raise kept: nothing is read back.</summary>
    public EscalationDto? Show(RaisedEscalation raised, Guid viewerId)
    {
        ArgumentNullException.ThrowIfNull(raised);
        var record = raised.Record;
        return CanSee(raised.Directory, viewerId, record)
            ? EscalationMapping.ToDto(record, Policy(record), raised.History, Parties(raised.Directory), clock.GetUtcNow())
            : null;
    }

    public async Task<IReadOnlyList<EscalationSummaryDto>> ListAsync(Guid viewerId, EscalationFilter filter, CancellationToken ct)
    {
        var directory = await directoryCache.ReadAsync(db, ct);
        var viewer = directory.Find(viewerId);
        if (viewer is null)
            return [];

        var now = clock.GetUtcNow();
        var query = db.Escalations.AsNoTracking();
        if (!viewer.HasRole(Roles.BoardBusinessUnit) && !viewer.HasRole(Roles.BoardChair))
        {
            // A first cut in SQL; the visibility rule itself is applied to each row below.
            var reports = directory.People.Where(p => p.ManagerId == viewerId).Select(p => p.Id).ToList();
            query = query.Where(e => e.RaisedById == viewerId || e.RespondentId == viewerId
                || e.RaisingAgencyId == viewer.AgencyId || e.ReceivingAgencyId == viewer.AgencyId
                || reports.Contains(e.RaisedById) || reports.Contains(e.RespondentId));
        }

        if (filter.Status is { } status)
            query = query.Where(e => e.Status == status);
        if (filter.Stage is { } stage)
            query = query.Where(e => e.Stage == stage);
        if (filter.AgencyId is { } agency)
            query = query.Where(e => e.RaisingAgencyId == agency || e.ReceivingAgencyId == agency);
        if (filter.Overdue)
            query = query.Where(e => e.Status == EscalationStatus.Open && e.StageDueAt < now);

        var rows = await query.OrderBy(e => e.StageDueAt).Take(1000).ToListAsync(ct);
        var parties = Parties(directory);
        return [.. rows.Where(e => CanSee(directory, viewerId, e)).Select(e => EscalationMapping.ToSummary(e, Policy(e), parties, now))];
    }

    public bool CanSee(IDirectoryView directory, Guid viewerId, EscalationRecord record) =>
        Relations.CanSee(EscalationService.RelationOf(directory, viewerId, record), Policy(record), record.HighestStage);

    private PolicyDefinition Policy(EscalationRecord record) =>
        catalog.Find(record.PolicyId, record.PolicyVersion)
        ?? throw new InvalidOperationException($"Policy '{record.PolicyId}' version {record.PolicyVersion} is not loaded.");

    private static Dictionary<Guid, PartyDto> Parties(DirectorySnapshot directory) =>
        directory.People.ToDictionary(p => p.Id, p => new PartyDto(p.Id, p.Name, p.AgencyId));
}
