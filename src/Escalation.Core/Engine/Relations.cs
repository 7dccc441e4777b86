using Escalation.Core.Policies;

namespace Escalation.Core.Engine;

/// <summary>A person as the engine needs to know them: how to reach them, where they work, who manages them, their roles.</summary>
public sealed record DirectoryPerson(Guid Id, string Name, string Email, Guid AgencyId, Guid? ManagerId, IReadOnlySet<string> Roles)
{
    /// <summary>When the person left. A deactivated person stays in every record but is offered, asked and mailed nowhere.</summary>
    public DateTimeOffset? DeactivatedAt { get; init; }

    public bool IsDeactivated => DeactivatedAt is not null;

    /// <summary>Whether the person's agency is the safeguarding partnership itself (agency kind <c>Partnership</c>).</summary>
    public bool InPartnershipAgency { get; init; }

    public bool HasRole(string role) => Roles.Contains(role);
}

/// <summary>Works out how a person stands to an escalation, and whether they may see it.</summary>
public static class Relations
{
    /// <summary>
    /// How <paramref name="person"/> stands to the escalation of <paramref name="raiser"/> against
    /// <paramref name="respondent"/>. Contract version 2: the respondent and the receiving side are never on the raising
    /// side, whatever else the directory says (e.g. a respondent who is the raiser's own line manager, in data stored
    /// before the respondent rule); and a report viewer stands in no relation at all, so never reads an escalation.
    /// </summary>
    public static Relation Of(DirectoryPerson person, DirectoryPerson raiser, DirectoryPerson respondent)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(raiser);
        ArgumentNullException.ThrowIfNull(respondent);
        if (person.HasRole(Roles.ReportViewer))
            return Relation.None;

        var relation = Relation.None;
        if (person.Id == raiser.Id) relation |= Relation.Raiser;
        if (person.Id == respondent.Id) relation |= Relation.Respondent;
        if (IsManagerOf(person, raiser)) relation |= Relation.RaisingSideManager;
        if (IsManagerOf(person, respondent)) relation |= Relation.ReceivingSideManager;
        if (IsSeniorOf(person, raiser)) relation |= Relation.RaisingSideSenior;
        if (IsSeniorOf(person, respondent)) relation |= Relation.ReceivingSideSenior;
        if ((relation & Relation.ReceivingSide) != 0) relation &= ~Relation.RaisingSide;
        if (person.HasRole(Roles.BoardBusinessUnit) || person.HasRole(Roles.BoardChair)) relation |= Relation.Board;
        if (person.HasRole(Roles.Admin)) relation |= Relation.Admin;
        return relation;
    }

    /// <summary>
    /// The contract's visibility rule: parties always; managers and seniors of a party's agency once the
    /// escalation has reached their stage; the board always. Everyone else sees nothing: an administrator only as one
    /// of these, and a report viewer never (version 2).
    /// </summary>
    public static bool CanSee(Relation relation, PolicyDefinition policy, int highestStage)
    {
        if ((relation & (Relation.Party | Relation.Board)) != 0)
        {
            return true;
        }

        return ((relation & Relation.Managers) != 0 && Reached(policy, WhoActs.Managers, highestStage))
            || ((relation & Relation.Seniors) != 0 && Reached(policy, WhoActs.Seniors, highestStage));
    }

    /// <summary>The relations whose people act at a stage (the stage's "who acts").</summary>
    public static Relation ActorsOf(WhoActs whoActs) => whoActs switch
    {
        WhoActs.Parties => Relation.Party,
        WhoActs.Managers => Relation.Managers,
        WhoActs.Seniors => Relation.Seniors,
        WhoActs.Board => Relation.Board,
        _ => throw new ArgumentOutOfRangeException(nameof(whoActs), whoActs, null),
    };

    private static bool Reached(PolicyDefinition policy, WhoActs whoActs, int highestStage) =>
        policy.Stages.Any(s => s.WhoActs == whoActs && s.Number <= highestStage);

    // A party's line manager stands for their side (they are the one mailed), and so does any Manager in their agency.
    private static bool IsManagerOf(DirectoryPerson person, DirectoryPerson party) =>
        person.Id != party.Id
        && (party.ManagerId == person.Id || (person.HasRole(Roles.Manager) && person.AgencyId == party.AgencyId));

    private static bool IsSeniorOf(DirectoryPerson person, DirectoryPerson party) =>
        person.HasRole(Roles.Senior) && person.Id != party.Id && person.AgencyId == party.AgencyId;
}
