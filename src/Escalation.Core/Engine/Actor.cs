namespace Escalation.Core.Engine;

/// <summary>
/// Who is making a move, described by how they stand to this escalation. <see cref="System"/> is the dispatcher.
/// </summary>
public sealed record Actor(Guid? PersonId, Relation Relation)
{
    public static readonly Actor System = new(null, Relation.None);

    public bool Is(Relation relation) => (Relation & relation) != 0;
}

/// <summary>How a person stands to one escalation. Worked out from the directory by <see cref="Relations"/>.</summary>
[Flags]
public enum Relation
{
    None = 0,
    Raiser = 1,
    Respondent = 2,
    RaisingSideManager = 4,
    ReceivingSideManager = 8,
    RaisingSideSenior = 16,
    ReceivingSideSenior = 32,
    Board = 64,
    Admin = 128,

    Party = Raiser | Respondent,
    RaisingSide = Raiser | RaisingSideManager | RaisingSideSenior,
    ReceivingSide = Respondent | ReceivingSideManager | ReceivingSideSenior,
    Managers = RaisingSideManager | ReceivingSideManager,
    Seniors = RaisingSideSenior | ReceivingSideSenior,
}
