using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Reports.Periods;
using Escalation.Services.Escalations;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Api;

/// <summary>
/// One escalation as read for a viewer: what the contract shows, the directory read, how the viewer
/// stands to it, and the moves the transition table lets them make now.
/// </summary>
internal sealed record ReadEscalation(EscalationDto Escalation, DirectorySnapshot Directory, Relation Relation,
    PermittedMoves Permitted);

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
        var relation = EscalationService.RelationOf(directory, viewerId, record);
        var permitted = Permitted(record, viewerId, relation);
        return new ReadEscalation(
            EscalationMapping.ToDto(record, Policy(record), history, Parties(directory), clock.GetUtcNow(), permitted), directory,
            relation, permitted);
    }

    /// <summary>A new escalation as its raiser sees it, from what the raise kept: nothing is read back.</summary>
    public EscalationDto? Show(RaisedEscalation raised, Guid viewerId)
    {
        ArgumentNullException.ThrowIfNull(raised);
        var record = raised.Record;
        return CanSee(raised.Directory, viewerId, record)
            ? EscalationMapping.ToDto(record, Policy(record), raised.History, Parties(raised.Directory), clock.GetUtcNow(),
                Permitted(record, viewerId, EscalationService.RelationOf(raised.Directory, viewerId, record)))
            : null;
    }

    /// <summary>
    /// The escalations the viewer may see that match <paramref name="filter"/>: the one query behind the API's list, the
    /// home page, the board's escalation log and its CSV. At most <paramref name="limit"/> rows are read.
    /// </summary>
    public async Task<IReadOnlyList<EscalationSummaryDto>> ListAsync(Guid viewerId, EscalationFilter filter, CancellationToken ct,
        int limit = 1000)
    {
        ArgumentNullException.ThrowIfNull(filter);
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
        if (filter.DueBefore is { } dueBefore)
            query = query.Where(e => e.Status == EscalationStatus.Open && e.StageDueAt >= now && e.StageDueAt < dueBefore);
        if (filter.Category is { } category)
            query = query.Where(e => e.Category == category);
        if (filter.RaisingAgencyId is { } raising)
            query = query.Where(e => e.RaisingAgencyId == raising);
        if (filter.ReceivingAgencyId is { } receiving)
            query = query.Where(e => e.ReceivingAgencyId == receiving);
        if (filter.RaisedFrom is { } from)
        {
            var start = LocalInstants.StartOf(from, catalog.Calendar.TimeZone);
            query = query.Where(e => e.RaisedAt >= start);
        }

        if (filter.RaisedTo is { } to)
        {
            var end = LocalInstants.StartOf(to.AddDays(1), catalog.Calendar.TimeZone);
            query = query.Where(e => e.RaisedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            // Upper case on both sides, as LIKE ignores case on SQLite but not on PostgreSQL; the wildcards typed are taken literally.
            var pattern = "%" + filter.Query.Trim().ToUpperInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(e => EF.Functions.Like(e.Reference.ToUpper(), pattern, "\\")
                || EF.Functions.Like(e.ChildReference.ToUpper(), pattern, "\\"));
        }

        query = filter.Sort == EscalationSort.Newest
            ? query.OrderByDescending(e => e.RaisedAt).ThenByDescending(e => e.Reference)
            : query.OrderBy(e => e.StageDueAt).ThenBy(e => e.Reference);
        var rows = await query.Take(limit).ToListAsync(ct);
        var parties = Parties(directory);
        return [.. rows.Where(e => CanSee(directory, viewerId, e)).Select(e => EscalationMapping.ToSummary(e, Policy(e), parties, now))];
    }

    public bool CanSee(IDirectoryView directory, Guid viewerId, EscalationRecord record) =>
        Relations.CanSee(EscalationService.RelationOf(directory, viewerId, record), Policy(record), record.HighestStage);

    private PermittedMoves Permitted(EscalationRecord record, Guid viewerId, Relation relation) =>
        catalog.Table(record.PolicyId, record.PolicyVersion).PermittedMoves(record.ToState(), new Actor(viewerId, relation));

    private PolicyDefinition Policy(EscalationRecord record) =>
        catalog.Find(record.PolicyId, record.PolicyVersion)
        ?? throw new InvalidOperationException($"Policy '{record.PolicyId}' version {record.PolicyVersion} is not loaded.");

    private static Dictionary<Guid, PartyDto> Parties(DirectorySnapshot directory) =>
        directory.People.ToDictionary(p => p.Id, p => new PartyDto(p.Id, p.Name, p.AgencyId));
}
