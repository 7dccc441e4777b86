using Escalation.Core.Engine;
using Escalation.Services.Escalations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Web.Api;

/// <summary>Every error the API gives is a problem document; these build the common ones.</summary>
internal static class Problems
{
    public const string ImmediateRiskGuidance =
        "If the child is at immediate risk of significant harm, contact Children's Social Care or the police now " +
        "(999 in an emergency). An escalation runs alongside a referral, never instead of it. Nothing has been stored.";

    /// <summary>The 422 for a child at immediate risk: the guidance with the partnership's numbers, also as <c>contacts</c>.</summary>
    public static IResult ImmediateRisk() => new ImmediateRiskProblem();

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Some of the information is not valid");

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "Not found", detail: "There is no such record, or you cannot see it.", statusCode: StatusCodes.Status404NotFound);


    public static ProblemHttpResult Stale() =>
        TypedResults.Problem(title: "The escalation has changed",
            detail: "Someone else changed this escalation since you read it. Reload it and try again.",
            statusCode: StatusCodes.Status412PreconditionFailed);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Not allowed", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Not possible now", detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>The one mapping from a refused or failed call to its status code.</summary>
    public static IResult From<T>(ServiceResult<T> result, string inputField) => result.Status switch
    {
        ServiceStatus.NotFound => NotFound(),
        ServiceStatus.Invalid => Invalid(result.Errors!),
        ServiceStatus.ImmediateRisk => ImmediateRisk(),
        ServiceStatus.VersionMismatch or ServiceStatus.Conflict => Stale(),
        ServiceStatus.Rejected => result.Rejection!.Reason switch
        {
            RejectionReason.NotPermitted => Forbidden(result.Rejection.Message),
            RejectionReason.InvalidInput => Invalid(inputField, result.Rejection.Message),
            _ => Conflict(result.Rejection.Message),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not an error."),
    };
}

/// <summary>The immediate-risk problem, with the configured phone numbers read when it is written.</summary>
internal sealed class ImmediateRiskProblem : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var contacts = httpContext.RequestServices.GetRequiredService<Pages.Display.EmergencyContacts>();
        return TypedResults.Problem(
            title: "Contact Children's Social Care or the police now",
            detail: $"{Problems.ImmediateRiskGuidance} {contacts.Sentence}",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: "https://escalation.invalid/problems/immediate-risk",
            extensions: new Dictionary<string, object?>
            {
                ["contacts"] = contacts.Lines.Select(l => new { who = l.Who, number = l.Number }).ToArray(),
            }).ExecuteAsync(httpContext);
    }
}
