using System.Globalization;
using System.Text.Json;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Services.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Escalation.Services.Decisions;

/// <summary>
/// An assessment's review date: when its timer falls due, the assessor gets a <c>decision-review-due</c> mail. The
/// timer is set with the assessment (<see cref="AssessmentService"/>), which itself is never updated.
/// </summary>
public sealed partial class DecisionReviews(EscalationDbContext db, ILogger<DecisionReviews> logger) : ITimerHandler
{
    /// <summary>The mail template for a review reminder.</summary>
    public const string TemplateKey = "decision-review-due";

    /// <summary>Why the assessor receives the mail.</summary>
    public const string Audience = "assessor";

    public IReadOnlyCollection<WorkKind> Kinds { get; } = [WorkKind.DecisionReview];

    public Task ScheduleAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task FireAsync(IReadOnlyList<DueTimer> due, TimerBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(batch);
        var ids = due.Select(t => t.AssessmentId!.Value).Distinct().ToList();
        var assessments = await (
                from assessment in db.Assessments.AsNoTracking()
                join person in db.Users.AsNoTracking() on assessment.AssessedById equals person.Id into assessors
                from assessor in assessors.DefaultIfEmpty()
                where ids.Contains(assessment.Id)
                select new { assessment.Id, assessment.ChildReference, assessment.ReviewDate, AssessorId = assessment.AssessedById, assessor.Name, assessor.Email })
            .ToDictionaryAsync(a => a.Id, ct);
        foreach (var timer in due)
        {
            var review = assessments[timer.AssessmentId!.Value];
            if (review.Email is null)
            {
                LogNoAddress(logger, review.Id);
                await batch.MarkAsync(timer, TimerState.Cancelled, ct);
                continue;
            }

            var payload = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["assessmentId"] = review.Id.ToString("D", CultureInfo.InvariantCulture),
                ["childReference"] = review.ChildReference,
                ["reviewDate"] = review.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            });
            await batch.Outbox.WriteAsync(
                new OutboxMail(null, TemplateKey, null, review.AssessorId, review.Email, review.Name ?? review.Email, Audience, payload), batch.Now, ct);
            await batch.MarkAsync(timer, TimerState.Fired, ct);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning,
        Message = "The review reminder of assessment {AssessmentId} was not sent: the assessor has no email address")]
    private static partial void LogNoAddress(ILogger logger, Guid assessmentId);
}
