namespace Escalation.Data.Entities;

/// <summary>
/// A recorded decision about a sexually active child: the answers given, the rule that applied and the actions it
/// required, and the practitioner's decision. Permanent: the service only ever inserts these rows, and the database
/// refuses to update or delete them.
/// </summary>
public sealed class Assessment
{
    public Guid Id { get; set; }

    /// <summary>The decision guide the rules came from, and its version, kept so a later edit never changes this record.</summary>
    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    public required string ChildReference { get; set; }

    public int ChildAgeYears { get; set; }

    /// <summary>The checked answers as JSON, in the shape of the evaluate body.</summary>
    public required string Answers { get; set; }

    public required string AgeBand { get; set; }

    /// <summary>The id of the rule that applied (the most serious, where several matched).</summary>
    public required string Rule { get; set; }

    /// <summary>The ids of every rule that matched, most serious first. Empty on assessments stored before it was kept.</summary>
    public IList<string> Rules { get; init; } = [];

    public IList<string> RequiredActions { get; init; } = [];

    /// <summary>The rule's explanation as the practitioner saw it.</summary>
    public required string Explanation { get; set; }

    public bool? FraserMet { get; set; }

    public IList<string> ActionsTaken { get; init; } = [];

    /// <summary>Whether the decision was to refer to Children's Social Care, kept for the board report.</summary>
    public bool Referred { get; set; }

    public string? Rationale { get; set; }

    /// <summary>Who was consulted (the designated safeguarding lead), and when.</summary>
    public string? Consulted { get; set; }

    public DateTimeOffset? ConsultedAt { get; set; }

    /// <summary>
    /// The senior named to approve the decision, where the rule demands one. Whether they have approved is in
    /// <see cref="AssessmentApproval"/>: naming them asks them, it does not approve.
    /// </summary>
    public Guid? ApproverId { get; set; }

    public DateOnly? ReviewDate { get; set; }

    public Guid AssessedById { get; set; }

    /// <summary>The assessor's agency when assessed, so managers and seniors there can read it even after the assessor moves.</summary>
    public Guid AgencyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
