using System.Text.Json;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Notifications.Delivery;

/// <summary>
/// Reads what a batch of mails may say: their escalations, the stages they are about, and the parties' names and
/// agencies, in a handful of queries. It selects no concern, decision or outcome text, so none can reach a mail.
/// </summary>
internal sealed class MailFactsLoader(EscalationDbContext db, PolicyCatalog catalog, DirectoryCache directoryCache)
{
    private sealed record EscalationRow(Guid Id, string Reference, string PolicyId, int PolicyVersion, Track Track, EscalationStatus Status,
        int Stage, int HighestStage, DateTimeOffset StageStartedAt, DateTimeOffset StageDueAt, int Version, string ChildReference,
        Guid RaisedById, Guid RespondentId, OutcomeKind? OutcomeKind, DateTimeOffset? ClosedAt)
    {
        public EscalationState State => new(Id, PolicyId, PolicyVersion, Track, Status, Stage, HighestStage, StageStartedAt, StageDueAt, Version);
    }

    /// <summary>The facts for each mail, by outbox id; a mail whose escalation is gone is left out.</summary>
    public async Task<Dictionary<Guid, MailFacts>> LoadAsync(IReadOnlyList<ClaimedMail> mails, CancellationToken ct)
    {
        var ids = mails.Where(m => m.EscalationId is not null).Select(m => m.EscalationId!.Value).Distinct().ToList();
        var escalations = ids.Count == 0 ? [] : await db.Escalations.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new EscalationRow(e.Id, e.Reference, e.PolicyId, e.PolicyVersion, e.Track, e.Status, e.Stage, e.HighestStage,
                e.StageStartedAt, e.StageDueAt, e.Version, e.ChildReference, e.RaisedById, e.RespondentId, e.OutcomeKind, e.ClosedAt))
            .ToDictionaryAsync(e => e.Id, ct);
        var stages = ids.Count == 0 ? [] : (await db.StageRecords.AsNoTracking().Where(s => ids.Contains(s.EscalationId))
            .Select(s => new { s.EscalationId, s.Stage, s.DueAt }).ToListAsync(ct))
            .ToDictionary(s => (s.EscalationId, s.Stage), s => s.DueAt);
        var authors = mails.ToDictionary(m => m.Id, m => ReadPayload(m.Payload).GetValueOrDefault("authorId") is { } text
            && Guid.TryParse(text, out var id) ? id : (Guid?)null);
        var personIds = escalations.Values.SelectMany(e => new[] { e.RaisedById, e.RespondentId })
            .Concat(authors.Values.OfType<Guid>()).Distinct().ToList();
        var people = personIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.AgencyId }).ToDictionaryAsync(u => u.Id, ct);
        var agencyIds = people.Values.Select(p => p.AgencyId).Distinct().ToList();
        var agencies = agencyIds.Count == 0 ? [] : await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        PartyFacts Party(Guid id) => people.TryGetValue(id, out var p)
            ? new PartyFacts(p.Name, agencies.GetValueOrDefault(p.AgencyId) ?? "their agency")
            : new PartyFacts("A professional", "their agency");

        var directory = escalations.Count == 0 ? null : await directoryCache.ReadAsync(db, ct);
        var result = new Dictionary<Guid, MailFacts>(mails.Count);
        foreach (var mail in mails)
        {
            EscalationFacts? facts = null;
            if (mail.EscalationId is { } escalationId)
            {
                if (!escalations.TryGetValue(escalationId, out var e))
                    continue;
                facts = Describe(e, mail, Party(e.RaisedById), Party(e.RespondentId), stages) with
                {
                    ReaderMoves = ReaderMoves(e, mail, directory!),
                    Author = authors[mail.Id] is { } author ? Party(author) : null,
                };
            }

            result[mail.Id] = new MailFacts(mail.TemplateKey, mail.RecipientName, mail.RecipientEmail, mail.RecipientAudience, facts,
                ReadPayload(mail.Payload));
        }

        return result;
    }

    private EscalationFacts Describe(EscalationRow e, ClaimedMail mail, PartyFacts raiser, PartyFacts respondent,
        Dictionary<(Guid, int), DateTimeOffset> stages)
    {
        var policy = catalog.Find(e.PolicyId, e.PolicyVersion);
        var number = mail.Stage ?? e.Stage;
        var due = stages.TryGetValue((e.Id, number), out var at) ? at : number == e.Stage ? e.StageDueAt : (DateTimeOffset?)null;
        var stage = Stage(policy, number, due, entered: due is not null);
        StageFacts? next = null;
        if (policy?.NextStage(number) is { } above)
        {
            var nextDue = stages.TryGetValue((e.Id, above.Number), out var nextAt) ? nextAt : (DateTimeOffset?)null;
            next = Stage(policy, above.Number, nextDue, entered: nextDue is not null);
        }

        return new EscalationFacts(e.Id, e.Reference, policy?.Title ?? EmailModel.ServiceName, e.ChildReference, e.Track,
            mail.RecipientPersonId == e.RaisedById, mail.RecipientPersonId == e.RespondentId, raiser, respondent, stage, next,
            e.OutcomeKind, e.ClosedAt);
    }

    /// <summary>
    /// What the reader may do on the escalation as it stands when the mail is sent, from the transition table. A shared
    /// mailbox (no person) of the board stands as the board.
    /// </summary>
    private PermittedMoves ReaderMoves(EscalationRow e, ClaimedMail mail, DirectorySnapshot directory)
    {
        if (catalog.Find(e.PolicyId, e.PolicyVersion) is null)
            return PermittedMoves.None;
        var relation = mail.RecipientPersonId is { } personId
            ? directory.Find(personId) is { } reader && directory.Find(e.RaisedById) is { } raiser && directory.Find(e.RespondentId) is { } respondent
                ? Relations.Of(reader, raiser, respondent)
                : Relation.None
            : AudienceNames.Normalise(mail.RecipientAudience) is "board-business-unit" or "board-chair" ? Relation.Board : Relation.None;
        return catalog.Table(e.PolicyId, e.PolicyVersion).PermittedMoves(e.State, new Actor(mail.RecipientPersonId, relation));
    }

    private static StageFacts Stage(PolicyDefinition? policy, int number, DateTimeOffset? due, bool entered) =>
        policy?.Stages.FirstOrDefault(s => s.Number == number) is { } definition
            ? new StageFacts(number, definition.Title, definition.WhoActs, definition.OnDeadline, due, entered)
            : new StageFacts(number, $"Stage {number}", WhoActs.Parties, DeadlineAction.Notify, due, entered);

    /// <summary>The payload's top-level values as text, by case-insensitive name; anything unreadable is ignored.</summary>
    internal static Dictionary<string, string> ReadPayload(string? payload)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(payload))
            return values;
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return values;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            // A payload that is not JSON adds nothing; the template check has proved every template renders without it.
        }

        return values;
    }
}
