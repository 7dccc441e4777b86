using Escalation.Core.Engine;
using Escalation.Core.Policies;

namespace Escalation.Notifications.Templates;

/// <summary>
/// The mails there are templates for, by the <c>template_key</c> an outbox row carries. The engine's seven come from
/// <see cref="TemplateKeys"/>; the invitation and the decision review are queued by the web host.
/// </summary>
public static class EmailTemplateKeys
{
    public static readonly string Raised = TemplateKeys.For(NotificationEvent.Raised);
    public static readonly string StageEntered = TemplateKeys.For(NotificationEvent.StageEntered);
    public static readonly string Reminder = TemplateKeys.For(NotificationEvent.Reminder);
    public static readonly string DeadlineMissed = TemplateKeys.For(NotificationEvent.DeadlineMissed);
    public static readonly string Resolved = TemplateKeys.For(NotificationEvent.Resolved);
    public static readonly string Withdrawn = TemplateKeys.For(NotificationEvent.Withdrawn);
    public static readonly string Responded = TemplateKeys.For(NotificationEvent.Responded);

    /// <summary>An account was created; the payload carries <c>token</c> (and optionally <c>expiresAt</c>).</summary>
    public const string Invitation = "invitation";

    /// <summary>A sexual-activity decision is due for review; the payload carries <c>assessmentId</c>, <c>childReference</c>, <c>reviewDate</c>.</summary>
    public const string DecisionReviewDue = "decision-review-due";

    /// <summary>A senior is asked to approve a decision; the payload carries <c>assessmentId</c> and <c>childReference</c>.</summary>
    public const string DecisionApprovalRequested = "decision-approval-requested";

    /// <summary>
    /// The senior approved or declined a decision (to the assessor); the payload carries <c>assessmentId</c>,
    /// <c>childReference</c>, <c>status</c> (<c>approved</c> or <c>declined</c>) and <c>approverName</c>.
    /// </summary>
    public const string DecisionApprovalDecided = "decision-approval-decided";

    /// <summary>
    /// A person asked to reset a forgotten password (the web pages queue it); the payload carries <c>token</c>
    /// (and optionally <c>expiresAt</c>), and the link is <c>{BaseUrl}/account/reset-password?token=TOKEN</c>.
    /// </summary>
    public const string PasswordReset = "password-reset";

    /// <summary>
    /// Someone who acts on open escalations has left (to the board business unit); the payload carries
    /// <c>personName</c>, <c>agencyName</c> and <c>handovers</c> (one line an escalation: its reference, the part the
    /// person played and who takes over). The link is the board's overview.
    /// </summary>
    public const string PersonLeft = "person-left";

    /// <summary>Every key; each must have a subject, an HTML and a text template.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Raised, StageEntered, Reminder, DeadlineMissed, Resolved, Withdrawn, Responded, Invitation, DecisionReviewDue,
            DecisionApprovalRequested, DecisionApprovalDecided, PasswordReset, PersonLeft];

    /// <summary>Whether mails of this key are about an escalation (and link to it).</summary>
    public static bool IsAboutEscalation(string key) => key is not (Invitation or PasswordReset or PersonLeft) && !IsAboutAssessment(key);

    /// <summary>Whether mails of this key are about a decision assessment (and link to it).</summary>
    public static bool IsAboutAssessment(string key) => key is DecisionReviewDue or DecisionApprovalRequested or DecisionApprovalDecided;
}
