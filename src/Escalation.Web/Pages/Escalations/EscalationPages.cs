using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Escalations;

/// <summary>
/// The moves this viewer may make now. It mirrors the transition table's guards, so the page offers only what the
/// engine would accept; the engine still checks every move.
/// </summary>
internal sealed record AllowedActions(bool Respond, bool Escalate, bool Resolve, bool BoardDecision, bool Withdraw)
{
    public bool Any => Respond || Escalate || Resolve || Withdraw;

    public static AllowedActions For(Relation relation, PolicyDefinition policy, EscalationDto escalation)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(escalation);
        if (escalation.Status != "open")
            return new AllowedActions(false, false, false, false, false);

        bool Is(Relation r) => (relation & r) != 0;
        var stage = policy.Stage(escalation.Stage.Number);
        var boardDecides = escalation.Stage.Number == policy.LastStage && Is(Relation.Board);
        return new AllowedActions(
            Respond: Is(Relations.ActorsOf(stage.WhoActs) | Relation.Party | Relation.Board),
            Escalate: Is(Relation.RaisingSide) && policy.NextStage(stage.Number) is not null,
            Resolve: Is(Relation.RaisingSide) || boardDecides,
            BoardDecision: boardDecides,
            Withdraw: Is(Relation.Raiser));
    }
}

/// <summary>One escalation as a viewer sees it: the record, its policy, how they stand to it, and the names to show.</summary>
internal sealed class EscalationView(
    EscalationDto escalation, PolicyDefinition policy, Relation relation,
    IReadOnlyDictionary<Guid, string> people, IReadOnlyDictionary<Guid, string> agencies)
{
    public EscalationDto Escalation { get; } = escalation;

    public PolicyDefinition Policy { get; } = policy;

    public Relation Relation { get; } = relation;

    public AllowedActions Can { get; } = AllowedActions.For(relation, policy, escalation);

    public StageDefinition Stage => Policy.Stage(Escalation.Stage.Number);

    public StageDefinition? NextStage => Policy.NextStage(Escalation.Stage.Number);

    public string Name(Guid? personId) => personId is { } id && people.TryGetValue(id, out var name) ? name : "The service";

    public string Agency(Guid agencyId) => agencies.GetValueOrDefault(agencyId) ?? "their agency";

    public string Party(PartyDto party) => $"{party.Name}, {Agency(party.AgencyId)}";
}

/// <summary>Loads an escalation for the pages, applying the contract's visibility rule (null means "show 404").</summary>
internal sealed class EscalationPages(EscalationReader reader, EscalationDbContext db, PolicyCatalog catalog, DirectoryCache directoryCache)
{
    public async Task<EscalationView?> LoadAsync(Guid id, Guid viewerId, CancellationToken ct)
    {
        if (await reader.GetAsync(id, viewerId, ct) is not { } escalation)
            return null;

        var policy = catalog.Find(escalation.Policy.Id, escalation.Policy.Version)!;
        var directory = await directoryCache.ReadAsync(db, ct);
        var relation = directory.Find(viewerId) is { } viewer && directory.Find(escalation.RaisedBy.Id) is { } raiser
            && directory.Find(escalation.Respondent.Id) is { } respondent
            ? Relations.Of(viewer, raiser, respondent)
            : Relation.None;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var people = directory.People.ToDictionary(p => p.Id, p => p.Name);
        return new EscalationView(escalation, policy, relation, people, agencies);
    }
}
