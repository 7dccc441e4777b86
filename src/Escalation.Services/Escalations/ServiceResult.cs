using Escalation.Core.Engine;

namespace Escalation.Services.Escalations;

/// <summary>How a call on the escalation service ended. The HTTP edge maps each to one status code.</summary>
public enum ServiceStatus
{
    Ok,

    /// <summary>No such escalation, or the caller may not see it (the same answer, on purpose).</summary>
    NotFound,

    /// <summary>The input is not valid; <see cref="ServiceResult{T}.Errors"/> names each field.</summary>
    Invalid,

    /// <summary>The child is at immediate risk and no referral has been made: refer now; nothing was stored.</summary>
    ImmediateRisk,

    /// <summary>The transition table refused the move; see <see cref="ServiceResult{T}.Rejection"/>.</summary>
    Rejected,

    /// <summary>The caller's <c>If-Match</c> version is stale.</summary>
    VersionMismatch,

    /// <summary>Someone else changed the escalation at the same moment; nothing was stored.</summary>
    Conflict,
}

public sealed record ServiceResult<T>(
    ServiceStatus Status,
    T? Value = default,
    MoveRejected? Rejection = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool IsOk => Status == ServiceStatus.Ok;
}

public static class ServiceResult
{
    public static ServiceResult<T> Ok<T>(T value) => new(ServiceStatus.Ok, value);

    public static ServiceResult<T> Fail<T>(ServiceStatus status) => new(status);

    public static ServiceResult<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors) => new(ServiceStatus.Invalid, Errors: errors);

    public static ServiceResult<T> Invalid<T>(string field, string message) => Invalid<T>(new Dictionary<string, string[]> { [field] = [message] });

    public static ServiceResult<T> Rejected<T>(MoveRejected rejection) => new(ServiceStatus.Rejected, Rejection: rejection);
}

/// <summary>What the raising side records when it resolves an escalation, beyond the statement.</summary>
public sealed record OutcomeDetails(IReadOnlyList<string> Actions, string? Learning, string? GoodPractice);
