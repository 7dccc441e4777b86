using Escalation.Core.Calendar;
using Escalation.Core.Engine;
using Escalation.Core.Policies;

namespace Escalation.Notifications.Templates;

/// <summary>
/// Sample mails covering every template, every kind of reader, and both a middle and the last stage. Rendering them
/// all at start-up proves each template works for every branch it can take; tests use them too.
/// </summary>
public static class SampleFacts
{
    private static readonly IReadOnlyDictionary<string, string> NoPayload = new Dictionary<string, string>();

    private const PermittedMoves EveryMove = PermittedMoves.Respond | PermittedMoves.Escalate | PermittedMoves.Resolve
        | PermittedMoves.BoardDecision | PermittedMoves.Withdraw;

    /// <summary>A calendar in Europe/London for the samples; the bank holidays do not matter for rendering.</summary>
    public static WorkingDayCalendar Calendar { get; } =
        new(WorkingDayCalendar.FindEuropeLondon(), [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)]);

    /// <summary>An escalation at <paramref name="stage"/> of the default four-stage ladder, due at the end of Tuesday 29 December 2026.</summary>
    public static EscalationFacts Escalation(int stage = 2, bool readerIsRaiser = false, bool readerIsRespondent = false,
        string childReference = "CH-1042", OutcomeKind? outcome = null, Track track = Track.Standard)
    {
        var due = new DateTimeOffset(2026, 12, 29, 23, 59, 59, TimeSpan.Zero);
        return new EscalationFacts(
            Guid.Parse("0193f7a2-5c1e-7b2d-9a41-2f6c8e0d4b17"), "ESC-7K3M9QPX", "Resolving professional differences", childReference, track,
            readerIsRaiser, readerIsRespondent,
            new PartyFacts("Tess Teacher", "Riverside Primary School"), new PartyFacts("Sol Worker", "Children's Social Care"),
            Stage(stage, due, entered: true),
            stage < 4 ? Stage(stage + 1, due.AddDays(7), entered: true) : null,
            outcome, outcome is null ? null : due.AddDays(-1));
    }

    public static StageFacts Stage(int number, DateTimeOffset? dueAt, bool entered) => number switch
    {
        1 => new StageFacts(1, "Practitioner", WhoActs.Parties, DeadlineAction.Escalate, dueAt, entered),
        2 => new StageFacts(2, "Manager", WhoActs.Managers, DeadlineAction.Escalate, dueAt, entered),
        3 => new StageFacts(3, "Senior", WhoActs.Seniors, DeadlineAction.Escalate, dueAt, entered),
        _ => new StageFacts(number, "Safeguarding partnership", WhoActs.Board, DeadlineAction.Notify, dueAt, entered),
    };

    public static MailFacts Mail(string templateKey, Audience audience, EscalationFacts escalation, string name = "Mo Manager") =>
        new(templateKey, name, "mo.manager@example.org", AudienceNames.Of(audience), escalation, NoPayload);

    public static MailFacts Invitation(string token = "tok3n-abc", DateTimeOffset? expiresAt = null)
    {
        var payload = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["token"] = token };
        if (expiresAt is { } expires)
            payload["expiresAt"] = expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return new MailFacts(EmailTemplateKeys.Invitation, "Nia Newcomer", "nia.newcomer@example.org", "invitee", null, payload);
    }

    public static MailFacts PasswordReset(string token = "r3set-abc", DateTimeOffset? expiresAt = null)
    {
        var payload = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["token"] = token };
        if (expiresAt is { } expires)
            payload["expiresAt"] = expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return new MailFacts(EmailTemplateKeys.PasswordReset, "Tess Teacher", "tess.teacher@example.org", "account-holder", null, payload);
    }

    public static MailFacts DecisionReviewDue(string childReference = "CH-2211", string reviewDate = "2026-12-29") =>
        new(EmailTemplateKeys.DecisionReviewDue, "Tess Teacher", "tess.teacher@example.org", "assessor", null,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["assessmentId"] = "0193f7a2-0000-7000-8000-000000000042",
                ["childReference"] = childReference,
                ["reviewDate"] = reviewDate,
            });

    public static MailFacts DecisionApprovalRequested(string childReference = "CH-0912") =>
        new(EmailTemplateKeys.DecisionApprovalRequested, "Sam Senior", "sam.senior@example.org", "approver", null,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["assessmentId"] = "0193f7a2-0000-7000-8000-000000000043",
                ["childReference"] = childReference,
            });

    public static MailFacts DecisionApprovalDecided(string status = "approved", string childReference = "CH-0912") =>
        new(EmailTemplateKeys.DecisionApprovalDecided, "Tess Teacher", "tess.teacher@example.org", "assessor", null,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["assessmentId"] = "0193f7a2-0000-7000-8000-000000000043",
                ["childReference"] = childReference,
                ["status"] = status,
                ["approverName"] = "Sam Senior",
            });

    /// <summary>Every template, for every audience and both kinds of party, at stages 1, 2 and 4, open and closed, with and without moves.</summary>
    public static IEnumerable<MailFacts> All()
    {
        foreach (var key in EmailTemplateKeys.All.Where(EmailTemplateKeys.IsAboutEscalation))
        {
            foreach (var stage in new[] { 1, 2, 4 })
            {
                foreach (var audience in Enum.GetValues<Audience>())
                {
                    foreach (var (raiser, respondent) in new[] { (false, false), (true, false), (false, true) })
                    {
                        yield return Mail(key, audience, Escalation(stage, raiser, respondent, outcome: OutcomeKind.DecisionUpheld));
                        yield return Mail(key, audience, Escalation(stage, raiser, respondent) with
                        {
                            NextStage = stage < 4 ? Stage(stage + 1, null, entered: false) : null,
                            ReaderMoves = EveryMove,
                        });
                        yield return Mail(key, audience, Escalation(stage, raiser, respondent));
                    }
                }
            }
        }

        yield return Invitation();
        yield return Invitation(expiresAt: new DateTimeOffset(2027, 1, 5, 23, 59, 59, TimeSpan.Zero));
        yield return PasswordReset();
        yield return PasswordReset(expiresAt: new DateTimeOffset(2026, 12, 19, 10, 0, 0, TimeSpan.Zero));
        yield return DecisionReviewDue();
        yield return DecisionReviewDue(reviewDate: "not a date");
        yield return DecisionApprovalRequested();
        yield return DecisionApprovalDecided("approved");
        yield return DecisionApprovalDecided("declined");
        yield return PersonLeft();
    }

    public static MailFacts PersonLeft(string personName = "Sol Worker", string handovers =
        "ESC-7K3M9QPX: Sol Worker is the respondent. Mo Manager takes over.\nESC-4HT2W8ZB: Sol Worker is the line manager of Pat Practitioner, the raiser. The managers of Children's Social Care take over.")
    {
        var payload = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["personName"] = personName, ["agencyName"] = "Children's Social Care", ["handovers"] = handovers,
        };
        return new MailFacts(EmailTemplateKeys.PersonLeft, "Olu Officer", "olu.officer@example.org", "board-business-unit", null, payload);
    }
}
