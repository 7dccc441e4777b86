using System.Globalization;
using System.Text.Json;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Escalation.Notifications.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>Mails that need no escalation, queued through the service's one outbox writer.</summary>
internal static class TestMails
{
    public static OutboxMail Invitation(string name, string email, string token) =>
        new(null, EmailTemplateKeys.Invitation, null, Guid.NewGuid(), email, name, "invitee",
            JsonSerializer.Serialize(new Dictionary<string, string> { ["token"] = token }));

    /// <summary>A decision review reminder, sent at <paramref name="sendAt"/> (now if null).</summary>
    public static OutboxMail DecisionReviewDue(string name, string email, string childReference, DateOnly reviewDate, DateTimeOffset? sendAt = null) =>
        new(null, EmailTemplateKeys.DecisionReviewDue, null, Guid.NewGuid(), email, name, "assessor",
            JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["assessmentId"] = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture),
                ["childReference"] = childReference,
                ["reviewDate"] = reviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }), sendAt);

    /// <summary>Writes the mails in one transaction, as the service writes them; returns the rows as stored.</summary>
    public static async Task<List<OutboxMessage>> QueueAsync(IServiceProvider services, IEnumerable<OutboxMail> mails)
    {
        var db = services.GetRequiredService<EscalationDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var rows = new List<OutboxMessage>();
        await using var transaction = await services.GetRequiredService<DatabaseWrites>().BeginAsync(db, CancellationToken.None);
        await using (var outbox = new OutboxWriter(db, services.GetRequiredService<SqlDialect>(), services.GetRequiredService<EngineSettings>()))
        {
            foreach (var mail in mails)
                rows.Add(await outbox.WriteAsync(mail, now, CancellationToken.None));
        }

        await transaction.CommitAsync();
        return rows;
    }
}
