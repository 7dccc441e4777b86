using System.Globalization;
using System.Text.Json;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Escalation.Data.Decisions;

/// <summary>
/// Fires due review reminders. Each batch is one transaction: the reminders are claimed, each is marked fired only if
/// it is still pending, and its mail is queued in the outbox, so a reminder is sent once even if the process dies
/// mid-batch or two copies of the service run. Oldest first, so catching up after downtime keeps the order.
/// </summary>
public sealed partial class AssessmentReviewProcessor(
    EscalationDbContext db, TimeProvider clock, SqlDialect sql, EngineSettings settings, DatabaseWrites writes, ILogger<AssessmentReviewProcessor> logger)
{
    /// <summary>The mail template for a review reminder.</summary>
    public const string TemplateKey = "decision-review-due";

    /// <summary>Why the assessor receives the mail.</summary>
    public const string Audience = "assessor";

    private sealed record DueReview(long Id, Guid AssessmentId, string ChildReference, DateOnly? ReviewDate, Guid AssessorId);

    /// <summary>Fires up to <paramref name="batchSize"/> reminders whose time has come; returns how many were claimed.</summary>
    public async Task<int> FireDueAsync(int batchSize = 100, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await writes.BeginAsync(db, ct);
        var due = await (
                from review in db.AssessmentReviews.AsNoTracking()
                join assessment in db.Assessments.AsNoTracking() on review.AssessmentId equals assessment.Id
                where review.State == TimerState.Pending && review.DueAt <= now
                orderby review.DueAt, review.Id
                select new DueReview(review.Id, assessment.Id, assessment.ChildReference, assessment.ReviewDate, assessment.AssessedById))
            .Take(batchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;

        var assessorIds = due.Select(d => d.AssessorId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => assessorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        await using var outbox = new OutboxWriter(db, sql, settings);
        foreach (var review in due)
        {
            var assessor = people.GetValueOrDefault(review.AssessorId);
            var state = assessor?.Email is null ? TimerState.Cancelled : TimerState.Fired;
            var claimed = await db.AssessmentReviews
                .Where(r => r.Id == review.Id && r.State == TimerState.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, state).SetProperty(r => r.DoneAt, now), ct);
            if (claimed == 0)
                continue; // fired by another copy of the service since we read it

            if (state == TimerState.Cancelled)
            {
                LogNoAddress(logger, review.AssessmentId);
                continue;
            }

            var payload = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["assessmentId"] = review.AssessmentId.ToString("D", CultureInfo.InvariantCulture),
                ["childReference"] = review.ChildReference,
                ["reviewDate"] = review.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            });
            await outbox.WriteAsync(
                new OutboxMail(null, TemplateKey, null, assessor!.Id, assessor.Email!, assessor.Name, Audience, payload), now, ct);
        }

        await transaction.CommitAsync(ct);
        return due.Count;
    }

    /// <summary>When the next pending reminder falls due, if there is one.</summary>
    public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct = default) =>
        db.AssessmentReviews.AsNoTracking().Where(r => r.State == TimerState.Pending)
            .OrderBy(r => r.DueAt).Select(r => (DateTimeOffset?)r.DueAt).FirstOrDefaultAsync(ct);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning,
        Message = "The review reminder of assessment {AssessmentId} was not sent: the assessor has no email address")]
    private static partial void LogNoAddress(ILogger logger, Guid assessmentId);
}
