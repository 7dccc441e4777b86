using Microsoft.AspNetCore.Identity;

namespace Escalation.Data.Entities;

/// <summary>An organisation in the partnership.</summary>
public sealed class Agency
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public AgencyKind Kind { get; set; }
}

/// <summary>The kinds of agency, by the exact names in the contract.</summary>
public enum AgencyKind
{
    ChildrensSocialCare,
    Police,
    Health,
    GeneralPractice,
    School,
    EarlyYears,
    YouthService,
    Housing,
    Probation,
    VoluntarySector,
    Other,

    /// <summary>
    /// The safeguarding partnership itself (its business unit, its board, the administrators): never a party to an
    /// escalation and never counted among the agencies that raised none.
    /// </summary>
    Partnership,
}

/// <summary>A person in the directory, and the account they sign in with. Roles are Identity roles.</summary>
public sealed class Person : IdentityUser<Guid>
{
    public required string Name { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>The person's line manager, who is told when an escalation reaches the managers' stage.</summary>
    public Guid? ManagerId { get; set; }

    /// <summary>
    /// When the person left: they may no longer sign in and are offered nowhere, but stay in every record.
    /// Null while they are active.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
