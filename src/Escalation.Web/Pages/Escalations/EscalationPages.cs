using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Escalations;

/// <summary>One escalation as a viewer sees it: the record, its policy, how they stand to it, and the names to show.</summary>
internal sealed class EscalationView(
    EscalationDto escalation, PolicyDefinition policy, Relation relation, PermittedMoves can, string? respondentWarning,
    IReadOnlyDictionary<Guid, string> people, IReadOnlyDictionary<Guid, string> agencies)
{
    public EscalationDto Escalation { get; } = escalation;

    public PolicyDefinition Policy { get; } = policy;

    public Relation Relation { get; } = relation;

    /// <summary>The moves this viewer may make now, as the transition table answers; the engine still checks each one.</summary>
    public PermittedMoves Can { get; } = can;

    public bool May(PermittedMoves move) => (Can & move) == move && move != PermittedMoves.None;

    /// <summary>For the board: why the respondent would be refused under the current rules, or null.</summary>
    public string? RespondentWarning { get; } = respondentWarning;

    public StageDefinition Stage => Policy.Stage(Escalation.Stage.Number);

    public StageDefinition? NextStage => Policy.NextStage(Escalation.Stage.Number);

    public string Name(Guid? personId) => personId is { } id && people.TryGetValue(id, out var name) ? name : "The service";

    public string Agency(Guid agencyId) => agencies.GetValueOrDefault(agencyId) ?? "their agency";

    public string Party(PartyDto party) => $"{party.Name}, {Agency(party.AgencyId)}";
}

/// <summary>Loads an escalation for the pages, applying the contract's visibility rule (null means "show 404").</summary>
internal sealed class EscalationPages(EscalationReader reader, EscalationDbContext db, PolicyCatalog catalog)
{
    public async Task<EscalationView?> LoadAsync(Guid id, Guid viewerId, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, viewerId, ct) is not { } read)
            return null;

        var (escalation, directory, relation, can) = read;
        var table = catalog.Table(escalation.Policy.Id, escalation.Policy.Version);
        var raiser = directory.Find(escalation.RaisedBy.Id);
        var respondent = directory.Find(escalation.Respondent.Id);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var people = directory.People.ToDictionary(p => p.Id, p => p.Name);
        return new EscalationView(escalation, table.Policy, relation, can, RespondentWarnings.For(relation, raiser, respondent), people, agencies);
    }
}

/// <summary>
/// Escalations stored before the respondent rule may break it. They stay as they are; the board is shown why, wherever
/// it sees them (its list and the escalation page).
/// </summary>
internal static class RespondentWarnings
{
    public const string Tag = "Respondent not valid";

    /// <summary>The warning for a board viewer, or null (not the board, or a valid respondent).</summary>
    public static string? For(Relation viewer, DirectoryPerson? raiser, DirectoryPerson? respondent) =>
        (viewer & Relation.Board) != 0 && raiser is not null && RespondentRule.Check(raiser, respondent) is var fault && fault != RespondentFault.None
            ? $"Respondent not valid under the current rules: {RespondentRule.ForBoard(fault)}."
            : null;
}
