using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Escalations;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Board;

/// <summary>One escalation in the board's log, in words, with the board's warning when its respondent breaks the current rule.</summary>
internal sealed record LogRow(
    Guid Id, string Reference, string ChildReference, DateTimeOffset RaisedAt, string RaisingAgency, string ReceivingAgency,
    string RaisedBy, string Respondent, string Category, string Track, string Status, int StageNumber, string Stage,
    DateTimeOffset DueAt, bool Overdue, IReadOnlyList<StatusTag> Tags, string? Warning);

/// <summary>
/// The business unit's escalation log: every escalation matching the filter, read through the one list query the API
/// uses (<see cref="EscalationReader.ListAsync"/>), then put in words for the page and the CSV.
/// </summary>
internal sealed class EscalationLog(EscalationReader reader, EscalationDbContext db, PolicyCatalog catalog, DirectoryCache directoryCache)
{
    /// <summary>The board sees every escalation; this is only a guard against a runaway read.</summary>
    private const int Limit = 100_000;

    public async Task<IReadOnlyList<LogRow>> ReadAsync(Guid viewerId, EscalationFilter filter, CancellationToken ct)
    {
        var list = await reader.ListAsync(viewerId, filter, ct, Limit);
        var directory = await directoryCache.ReadAsync(db, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var ids = list.Select(e => e.Id).ToList();
        var policies = await db.Escalations.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.PolicyId, e.PolicyVersion }).ToDictionaryAsync(e => e.Id, ct);
        return [.. list.Select(e =>
        {
            var policy = catalog.Find(policies[e.Id].PolicyId, policies[e.Id].PolicyVersion)!;
            string Agency(Guid id) => agencies.GetValueOrDefault(id) ?? "(agency no longer in the directory)";
            return new LogRow(e.Id, e.Reference, e.Child.Reference, e.RaisedAt, Agency(e.RaisingAgencyId), Agency(e.ReceivingAgencyId),
                e.RaisedBy.Name, e.Respondent.Name, PolicyWords.Category(policy, e.Category), PolicyWords.Track(e.Track), e.Status,
                e.Stage.Number, PolicyWords.StageName(policy, e.Stage.Number), e.Stage.DueAt, e.Stage.Overdue, StatusTag.For(e),
                Warning(directory, e));
        })];
    }

    /// <summary>Why the escalation's respondent would be refused under the current rules (the log is the board's alone); otherwise null.</summary>
    private static string? Warning(DirectorySnapshot directory, EscalationSummaryDto e) =>
        RespondentWarnings.For(Relation.Board, directory.Find(e.RaisedBy.Id), directory.Find(e.Respondent.Id));
}
