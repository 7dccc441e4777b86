namespace Escalation.Web.Pages.Display;

/// <summary>
/// The phone numbers shown wherever the service tells someone to contact Children's Social Care or the police now
/// (<c>Escalation:Contacts:ChildrensSocialCare</c>, <c>OutOfHours</c> and <c>Police</c>). 999 is always shown.
/// </summary>
public sealed record EmergencyContacts(string? ChildrensSocialCare, string? OutOfHours, string? Police)
{
    public const string Emergency = "999";

    /// <summary>The national police number for when it is not an emergency, shown when no police number is configured.</summary>
    public const string PoliceNonEmergency = "101";

    public static EmergencyContacts From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            Number(configuration["Escalation:Contacts:ChildrensSocialCare"]),
            Number(configuration["Escalation:Contacts:OutOfHours"]),
            Number(configuration["Escalation:Contacts:Police"]));
    }

    /// <summary>Who to call and on what number, in the order to try them.</summary>
    public IReadOnlyList<(string Who, string Number)> Lines =>
    [
        .. ChildrensSocialCare is { } csc ? [("Children's Social Care", csc)] : Array.Empty<(string, string)>(),
        .. OutOfHours is { } ooh ? [("Children's Social Care out of hours", ooh)] : Array.Empty<(string, string)>(),
        ("Police, when it is not an emergency", Police ?? PoliceNonEmergency),
        ("Emergency: police or ambulance", Emergency),
    ];

    /// <summary>The numbers in one sentence, for the API's problem detail and the page footer.</summary>
    public string Sentence =>
        (ChildrensSocialCare is { } csc ? $"Children's Social Care {csc}" + (OutOfHours is { } ooh ? $" (out of hours {ooh}); " : "; ") : "")
        + $"police {Police ?? PoliceNonEmergency} when it is not an emergency; {Emergency} in an emergency.";

    /// <summary>A number as a <c>tel:</c> link: its digits and a leading plus, nothing else.</summary>
    public static string TelLink(string number) =>
        "tel:" + new string([.. (number ?? string.Empty).Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0))]);

    private static string? Number(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? null : configured.Trim();
}
