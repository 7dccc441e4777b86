namespace Escalation.Core.Engine;

/// <summary>Why a person cannot be the respondent of an escalation (contract version 2).</summary>
public enum RespondentFault
{
    None,

    /// <summary>Not in the directory: no such person, or no account to reach them by.</summary>
    NotInDirectory,

    /// <summary>Has left: deactivated by an administrator.</summary>
    Deactivated,

    /// <summary>Holds none of <c>Practitioner</c>, <c>Manager</c> or <c>Senior</c>.</summary>
    NotAProfessional,

    /// <summary>Works for the safeguarding partnership itself, which is never a party to an escalation.</summary>
    PartnershipAgency,

    /// <summary>Works in the raiser's own agency (or is the raiser).</summary>
    RaisersOwnAgency,
}

/// <summary>
/// The respondent rule: the respondent is a person in the directory, not deactivated, who holds <c>Practitioner</c>,
/// <c>Manager</c> or <c>Senior</c> and works in an agency other than the raiser's and other than the partnership's own.
/// Raising checks it; the raise journey offers only people
/// who pass it; escalations stored before the rule that break it are shown to the board with <see cref="ForBoard"/>.
/// </summary>
public static class RespondentRule
{
    public const string Field = "respondentId";

    public static RespondentFault Check(DirectoryPerson raiser, DirectoryPerson? respondent)
    {
        ArgumentNullException.ThrowIfNull(raiser);
        if (respondent is null)
            return RespondentFault.NotInDirectory;
        if (respondent.IsDeactivated)
            return RespondentFault.Deactivated;
        if (!(respondent.HasRole(Roles.Practitioner) || respondent.HasRole(Roles.Manager) || respondent.HasRole(Roles.Senior)))
            return RespondentFault.NotAProfessional;
        if (respondent.InPartnershipAgency)
            return RespondentFault.PartnershipAgency;
        return respondent.AgencyId == raiser.AgencyId ? RespondentFault.RaisersOwnAgency : RespondentFault.None;
    }

    public static bool IsValid(DirectoryPerson raiser, DirectoryPerson? respondent) => Check(raiser, respondent) == RespondentFault.None;

    /// <summary>The refusal the raiser sees, in the API's problem and on the raise pages alike.</summary>
    public static string ForRaiser(RespondentFault fault) => fault switch
    {
        RespondentFault.NotInDirectory => "No professional with this id is in the directory",
        RespondentFault.Deactivated => "This person has left and cannot be asked: choose someone who works there now",
        RespondentFault.NotAProfessional => "Choose a practitioner, manager or senior: this person cannot be asked about a safeguarding decision",
        RespondentFault.PartnershipAgency => "Choose a professional in a partner agency: the safeguarding partnership's own staff do not make the decisions an escalation challenges",
        RespondentFault.RaisersOwnAgency => "Choose a professional in another agency: an escalation challenges another agency's decision",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    /// <summary>Why a stored escalation's respondent would be refused today, for the board's warning.</summary>
    public static string ForBoard(RespondentFault fault) => fault switch
    {
        RespondentFault.NotInDirectory => "the respondent is no longer in the directory",
        RespondentFault.Deactivated => "the respondent has left (their account is deactivated)",
        RespondentFault.NotAProfessional => "the respondent is not a practitioner, manager or senior",
        RespondentFault.PartnershipAgency => "the respondent works for the partnership itself",
        RespondentFault.RaisersOwnAgency => "the respondent works in the raiser's own agency",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
