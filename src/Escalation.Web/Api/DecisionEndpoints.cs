using Escalation.Core.Decisions;
using Escalation.Services.Decisions;

namespace Escalation.Web.Api;

/// <summary>
/// The decision prompts for sexually active children: preview a result, read the guide, record an assessment and read
/// it back. Recording answers 422 when the decision leaves out a required action without a rationale, or without a
/// senior approver where the rule demands one, or makes no referral without a review date.
/// </summary>
internal static class DecisionEndpoints
{
    private const string Unprocessable = "https://escalation.invalid/problems/decision-incomplete";

    public static RouteGroupBuilder MapDecisionEndpoints(this RouteGroupBuilder api)
    {
        var guide = api.MapGroup("/decisions/sexual-activity").WithTags("Decision prompts");
        guide.MapPost("/evaluate", Evaluate).Accepts<EvaluateBody>("application/json")
            .Produces<EvaluationDto>().ProducesValidationProblem();
        guide.MapGet("/definition", (AssessmentService service) => TypedResults.Ok(DecisionMapping.ToDto(service.Guide)));
        guide.MapPost("/assessments", Record).RequireAuthorization(p => p.RequireRole(AssessmentAccess.AssessorRoles))
            .Accepts<AssessmentBody>("application/json")
            .Produces<AssessmentDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        guide.MapGet("/assessments", List).Produces<AssessmentItemDto[]>();
        guide.MapGet("/assessments/{id:guid}", Get).Produces<AssessmentDto>().ProducesProblem(StatusCodes.Status404NotFound);
        guide.MapPost("/assessments/{id:guid}/approval", Approve).Accepts<ApprovalBody>("application/json")
            .Produces<AssessmentDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> Evaluate(HttpContext http, AssessmentService service, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<EvaluateBody>(http.Request, ct);
        if (problem is not null)
            return problem;

        var guide = service.Guide;
        var evaluation = DecisionEvaluator.Evaluate(guide, body!.ToAnswers());
        return evaluation.Result is { } result && evaluation.IsValid
            ? TypedResults.Ok(DecisionMapping.ToDto(result, guide))
            : Problems.Invalid(evaluation.Errors);
    }

    private static async Task<IResult> Record(HttpContext http, AssessmentService service, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<AssessmentBody>(http.Request, ct);
        if (problem is not null)
            return problem;

        var caller = http.User.PersonId();
        var outcome = await service.RecordAsync(caller, body!.ToAnswers(), body.ChildReference, body.Decision?.ToDecision(), ct);
        if (outcome.Invalid is { } invalid)
            return Problems.Invalid(invalid);
        if (outcome.Unprocessable is { } missing)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(missing.ToDictionary())
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The decision is not complete",
                Detail = "The guide requires more before this decision can be recorded: " +
                    string.Join(" ", missing.SelectMany(m => m.Value)) + " Nothing has been stored.",
                Type = Unprocessable,
            });
        }

        var view = (await service.GetAsync(outcome.Assessment!.Id, caller, ct))!;
        var dto = DecisionMapping.ToDto(view, await service.ReviewAsync(view.Assessment.Id, ct));
        return TypedResults.Created($"/api/decisions/sexual-activity/assessments/{dto.Id}", dto);
    }

    private static async Task<IResult> List(HttpContext http, AssessmentList list, CancellationToken ct) =>
        TypedResults.Ok((await list.ForAsync(http.User.PersonId(), ct)).Select(DecisionMapping.ToDto).ToArray());

    private static async Task<IResult> Approve(Guid id, HttpContext http, AssessmentApprovalService approvals, AssessmentService service,
        CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ApprovalBody>(http.Request, ct);
        if (problem is not null)
            return problem;

        var outcome = await approvals.DecideAsync(id, http.User.PersonId(), body!.Approve, body.Note, ct);
        return outcome.Kind switch
        {
            ApprovalOutcomeKind.Decided => TypedResults.Ok(DecisionMapping.ToDto(outcome.View!, await service.ReviewAsync(id, ct))),
            ApprovalOutcomeKind.NotTheApprover => Problems.Forbidden("Only the senior manager named to approve this decision can approve or decline it."),
            ApprovalOutcomeKind.Invalid => Problems.Invalid(outcome.Errors!),
            ApprovalOutcomeKind.AlreadyDecided => Problems.Conflict("The approver has already decided; a decision is recorded once."),
            _ => Problems.NotFound(),
        };
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, AssessmentService service, CancellationToken ct)
    {
        var view = await service.GetAsync(id, http.User.PersonId(), ct);
        return view is null
            ? Problems.NotFound()
            : TypedResults.Ok(DecisionMapping.ToDto(view, await service.ReviewAsync(id, ct)));
    }
}
