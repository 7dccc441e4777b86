using System.Globalization;
using System.Text.Json;
using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Sql;

namespace Escalation.Services.Decisions;

/// <summary>
/// The approval mails, queued through the one outbox writer inside the caller's transaction: to the senior when their
/// approval is asked, and to the assessor when the senior decides. Each carries the assessment's id (for the link) and
/// the child's reference, never more about the child.
/// </summary>
internal static class AssessmentMails
{
    /// <summary>To the named senior: an assessment asks for their approval.</summary>
    public const string ApprovalRequested = "decision-approval-requested";

    /// <summary>To the assessor: the senior approved or declined.</summary>
    public const string ApprovalDecided = "decision-approval-decided";

    public static async Task QueueAsync(EscalationDbContext db, SqlDialect sql, EngineSettings settings,
        string templateKey, DirectoryPerson to, string audience, Dictionary<string, string> payload, DateTimeOffset now, CancellationToken ct)
    {
        await using var outbox = new OutboxWriter(db, sql, settings);
        await outbox.WriteAsync(new OutboxMail(null, templateKey, null, to.Id, to.Email, to.Name, audience, JsonSerializer.Serialize(payload)), now, ct);
    }

    public static Dictionary<string, string> Payload(Guid assessmentId, string childReference) => new(StringComparer.Ordinal)
    {
        ["assessmentId"] = assessmentId.ToString("D", CultureInfo.InvariantCulture),
        ["childReference"] = childReference,
    };
}
