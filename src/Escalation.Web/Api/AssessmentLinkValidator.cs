using Escalation.Services.Decisions;

namespace Escalation.Web.Api;

/// <summary>
/// Checks the assessment an escalation is raised from: it must exist and the raiser must be able to read it, by the
/// same rule as <c>GET /api/decisions/sexual-activity/assessments/{id}</c>. Otherwise the raise is refused naming
/// <c>assessmentId</c>, and nothing is stored.
/// </summary>
internal static class AssessmentLinkValidator
{
    public const string Field = "assessmentId";

    public const string Unknown = "There is no assessment with this id that you can read. Link an assessment you made, or leave assessmentId out.";

    /// <summary>The fault, or null when there is no link or the raiser may read the linked assessment.</summary>
    public static async Task<string?> CheckAsync(AssessmentService assessments, Guid? assessmentId, Guid raiserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        if (assessmentId is not { } id)
            return null;
        return id != Guid.Empty && await assessments.GetAsync(id, raiserId, ct) is not null ? null : Unknown;
    }
}
