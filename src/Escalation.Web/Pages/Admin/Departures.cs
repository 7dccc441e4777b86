using System.Text.Json;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Notifications.Templates;
using Escalation.Services.Escalations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Web.Pages.Admin;

/// <summary>One open escalation a departing person acts on: the part they play there, and who takes over.</summary>
internal sealed record Handover(Guid EscalationId, string Reference, string Part, IReadOnlyList<string> TakesOver)
{
    public string TakesOverText => TakesOver.Count == 0
        ? "No one yet: their agency has no other manager. Add one, or give the party a line manager."
        : string.Join(", ", TakesOver) + (TakesOver.Count == 1 ? " takes over" : " take over");

    public string Line(string name) => $"{Reference}: {name} is {Part}. {TakesOverText}.";
}

/// <summary>What became of a deactivation, reactivation or re-sent invitation.</summary>
internal enum DepartureOutcome { Done, NotFound, Refused }

/// <summary>
/// Someone leaves or comes back. A deactivated person cannot sign in (their security stamp changes, so every cookie
/// and token they hold stops working), is offered and mailed nowhere, and stays on every record. Where they act on
/// open escalations, the board business unit is told who takes over (<see cref="TakeOver"/>).
/// </summary>
internal sealed class Departures(
    EscalationDbContext db, UserManager<Person> users, DirectoryCache directoryCache, TimeProvider clock, SqlDialect sql, EngineSettings settings)
{
    /// <summary>The open escalations the person acts on, as a party or as a party's line manager, and who would take over.</summary>
    public async Task<IReadOnlyList<Handover>> HandoversAsync(Guid personId, CancellationToken ct)
    {
        var directory = await directoryCache.ReadAsync(db, ct);
        if (directory.Find(personId) is null)
            return [];
        var view = new AsIfLeft(directory, personId);
        var reports = directory.People.Where(p => p.ManagerId == personId && p.Id != personId).Select(p => p.Id).ToList();
        var open = await db.Escalations.AsNoTracking()
            .Where(e => e.Status == EscalationStatus.Open)
            .Where(e => e.RaisedById == personId || e.RespondentId == personId || reports.Contains(e.RaisedById) || reports.Contains(e.RespondentId))
            .Select(e => new { e.Id, e.Reference, e.RaisedById, e.RespondentId })
            .ToListAsync(ct);
        var result = new List<Handover>();
        foreach (var e in open.OrderBy(e => e.Reference, StringComparer.Ordinal))
        {
            foreach (var (partyId, side) in new[] { (e.RaisedById, "the raiser"), (e.RespondentId, "the respondent") })
            {
                if (view.Find(partyId) is not { } party)
                    continue;
                if (party.Id == personId)
                    result.Add(new Handover(e.Id, e.Reference, side, Names(TakeOver.LineManagers(view, party))));
                else if (party.ManagerId == personId)
                    result.Add(new Handover(e.Id, e.Reference, $"the line manager of {party.Name}, {side}", Names(TakeOver.LineManagers(view, party))));
            }
        }

        return result;
    }

    public async Task<(DepartureOutcome Outcome, IReadOnlyList<Handover> Handovers)> DeactivateAsync(Guid personId, Guid byId, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(personId.ToString());
        if (person is null)
            return (DepartureOutcome.NotFound, []);
        if (person.Id == byId)
            return (DepartureOutcome.Refused, []);
        var handovers = await HandoversAsync(personId, ct);
        if (person.DeactivatedAt is not null)
            return (DepartureOutcome.Done, handovers);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        person.DeactivatedAt = now;
        // A new stamp ends every session and token the person holds (CurrentAccountCheck compares it on each request).
        await users.UpdateSecurityStampAsync(person);
        await db.Invitations.Where(i => i.PersonId == person.Id && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), ct);
        if (handovers.Count > 0)
            await TellBoardAsync(person, handovers, transaction, now, ct);
        await transaction.CommitAsync(ct);
        return (DepartureOutcome.Done, handovers);
    }

    public async Task<DepartureOutcome> ReactivateAsync(Guid personId)
    {
        var person = await users.FindByIdAsync(personId.ToString());
        if (person is null)
            return DepartureOutcome.NotFound;
        if (person.DeactivatedAt is null)
            return DepartureOutcome.Done;
        person.DeactivatedAt = null;
        var result = await users.UpdateAsync(person);
        return result.Succeeded ? DepartureOutcome.Done : DepartureOutcome.Refused;
    }

    private async Task TellBoardAsync(Person person, IReadOnlyList<Handover> handovers, IDbContextTransaction transaction, DateTimeOffset now, CancellationToken ct)
    {
        var directory = await directoryCache.ReadAsync(db, ct);
        var agency = await db.Agencies.Where(a => a.Id == person.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["personName"] = person.Name,
            ["agencyName"] = agency ?? string.Empty,
            ["handovers"] = string.Join('\n', handovers.Select(h => h.Line(person.Name))),
        });
        await using var writer = new TransitionWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction(), sql, settings.MessageIdDomain);
        foreach (var officer in directory.InRole(Roles.BoardBusinessUnit).Where(o => o.Id != person.Id))
        {
            await writer.InsertOutboxAsync(
                new OutboxMail(null, EmailTemplateKeys.PersonLeft, null, officer.Id, officer.Email, officer.Name, SqlDialect.Enum(Audience.BoardBusinessUnit), payload), now, ct);
        }
    }

    private static List<string> Names(IEnumerable<DirectoryPerson> people) => [.. people.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The directory as it will read once the person has left.</summary>
    private sealed class AsIfLeft(DirectorySnapshot directory, Guid leaverId) : IDirectoryView
    {
        public DirectoryPerson? Find(Guid id) => directory.Find(id) is { } p && p.Id == leaverId && !p.IsDeactivated
            ? p with { DeactivatedAt = DateTimeOffset.MinValue }
            : directory.Find(id);

        public IEnumerable<DirectoryPerson> InRole(string role, Guid? agencyId = null) =>
            directory.InRole(role, agencyId).Where(p => p.Id != leaverId);
    }
}
