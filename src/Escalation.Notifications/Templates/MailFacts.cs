using Escalation.Core.Engine;
using Escalation.Core.Policies;

namespace Escalation.Notifications.Templates;

/// <summary>
/// Everything one mail may say, gathered from its outbox row, its escalation and the policy. It holds no concern,
/// decision or outcome text on purpose: a mail never carries more child detail than the child reference.
/// <c>Audience</c> says why the reader receives it (e.g. <c>stage-actors</c>); <c>Payload</c> holds extra values from the
/// row, e.g. <c>token</c> for an invitation.
/// </summary>
public sealed record MailFacts(
    string TemplateKey,
    string RecipientName,
    string RecipientEmail,
    string Audience,
    EscalationFacts? Escalation,
    IReadOnlyDictionary<string, string> Payload);

/// <summary>
/// The parts of an escalation a mail may mention. <c>Stage</c> is the stage the mail is about (the outbox row's stage),
/// not necessarily where the escalation is now; <c>NextStage</c> is the one above it, or null at the last stage.
/// <c>ReaderMoves</c> is what the reader may do next, as the transition table answers for them.
/// </summary>
public sealed record EscalationFacts(
    Guid Id,
    string Reference,
    string PolicyTitle,
    string ChildReference,
    Track Track,
    bool ReaderIsRaiser,
    bool ReaderIsRespondent,
    PartyFacts Raiser,
    PartyFacts Respondent,
    StageFacts Stage,
    StageFacts? NextStage,
    OutcomeKind? Outcome,
    DateTimeOffset? ClosedAt)
{
    /// <summary>What the reader may do on the escalation now, from the transition table (none for a closed one).</summary>
    public PermittedMoves ReaderMoves { get; init; }

    /// <summary>Who made the move the mail is about, where it names them (a response); null otherwise.</summary>
    public PartyFacts? Author { get; init; }
}

/// <summary>A professional named in a mail, and their agency.</summary>
public sealed record PartyFacts(string Name, string Agency);

/// <summary>One stage as a mail describes it: <c>DueAt</c> is when it is (or was) due, null for a stage not entered.</summary>
public sealed record StageFacts(int Number, string Title, WhoActs WhoActs, DeadlineAction OnDeadline, DateTimeOffset? DueAt, bool Entered);

/// <summary>The audience names used in templates: the kebab-case of <see cref="Core.Policies.Audience"/>, as in the policy file.</summary>
public static class AudienceNames
{
    public static string Of(Audience audience) => Kebab(audience.ToString());

    /// <summary>Accepts both <c>StageActors</c> (as the engine writes rows) and <c>stage-actors</c>.</summary>
    public static string Normalise(string? audience) =>
        string.IsNullOrWhiteSpace(audience) ? "recipient"
        : audience.Contains('-', StringComparison.Ordinal) ? audience.Trim().ToLowerInvariant()
        : Kebab(audience.Trim());

    private static string Kebab(string name)
    {
        var result = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                result.Append('-');
            }

            result.Append(char.ToLowerInvariant(name[i]));
        }

        return result.ToString();
    }
}
