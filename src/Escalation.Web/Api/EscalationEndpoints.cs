using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Services.Decisions;
using Escalation.Services.Escalations;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Escalations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Api;

internal static class EscalationEndpoints
{
    public const int TextMax = RaiseRequestValidator.LongTextMax;

    public static RouteGroupBuilder MapEscalationEndpoints(this RouteGroupBuilder api)
    {
        var escalations = api.MapGroup("/escalations").WithTags("Escalations");
        escalations.MapPost("/", Raise).RequireAuthorization(p => p.RequireRole(Roles.Practitioner))
            .Accepts<RaiseRequest>("application/json")
            .Produces<EscalationDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        escalations.MapGet("/", List);
        escalations.MapGet("/{id:guid}", Get);
        escalations.MapPost("/{id:guid}/responses", Respond).Accepts<NoteBody>("application/json");
        escalations.MapPost("/{id:guid}/escalate", Escalate).Accepts<ReasonBody>("application/json");
        escalations.MapPost("/{id:guid}/resolve", Resolve).Accepts<ResolveBody>("application/json");
        escalations.MapPost("/{id:guid}/withdraw", Withdraw).Accepts<ReasonBody>("application/json");
        escalations.MapGet("/{id:guid}/outcome-statement", OutcomeStatementAsync).Produces(StatusCodes.Status200OK, contentType: "text/html");
        return api;
    }

    private static async Task<IResult> Raise(HttpContext http, EscalationService service, EscalationReader reader,
        AssessmentService assessments, PolicyCatalog policies, TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<RaiseRequest>(http.Request, ct);
        if (problem is not null)
            return problem;

        var caller = http.User.PersonId();
        // The immediate-risk refusal comes first, as the service gives it; a bad assessment link is named with any other fault.
        if (!body!.ImmediateRiskNotReferred && await AssessmentLinkValidator.CheckAsync(assessments, body.AssessmentId, caller, ct) is { } fault)
        {
            var policy = policies.Current(PolicyCatalog.DefaultPolicyId)!;
            var now = clock.GetUtcNow();
            var errors = RaiseRequestValidator.Validate(body, policy, policies.Calendar.LocalDate(now), caller).ToDictionary();
            errors[AssessmentLinkValidator.Field] = [fault];
            return Problems.Invalid(errors);
        }

        var result = await service.RaiseAndKeepAsync(caller, body, ct);
        if (!result.IsOk)
            return Problems.From(result, "body");

        // Built from what the raise kept (the row, its history, the directory), not read back.
        var dto = reader.Show(result.Value!, caller)!;
        http.Response.Headers.ETag = CallerExtensions.ETag(dto.Version);
        return TypedResults.Created($"/api/escalations/{dto.Id}", dto);
    }

    // Filters arrive as text so that a bad one gets a 400 naming it, not the framework's anonymous binding failure.
    private static async Task<Results<Ok<IReadOnlyList<EscalationSummaryDto>>, ValidationProblem>> List(HttpContext http, EscalationReader reader,
        PolicyCatalog policies, [FromQuery] string? status, [FromQuery] string? stage, [FromQuery] string? agencyId,
        [FromQuery] string? overdue, [FromQuery] string? category, [FromQuery] string? raisingAgencyId, [FromQuery] string? receivingAgencyId,
        [FromQuery] string? raisedFrom, [FromQuery] string? raisedTo, [FromQuery] string? q, CancellationToken ct)
    {
        var query = new EscalationListQuery(status, stage, agencyId, overdue, category, raisingAgencyId, receivingAgencyId, raisedFrom, raisedTo, q);
        var errors = new Dictionary<string, string[]>();
        if (query.Parse(key => policies.Policies.Any(p => p.HasCategory(key)), errors) is not { } filter)
            return Problems.Invalid(errors);

        var list = await reader.ListAsync(http.User.PersonId(), filter, ct);
        return TypedResults.Ok(list);
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, EscalationReader reader, CancellationToken ct)
    {
        var dto = await reader.GetAsync(id, http.User.PersonId(), ct);
        if (dto is null)
            return Problems.NotFound();
        http.Response.Headers.ETag = CallerExtensions.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<IResult> Respond(Guid id, HttpContext http, EscalationService service, EscalationReader reader, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<NoteBody>(http.Request, ct);
        return problem ?? Text(body!.Note, "note", "Enter your response")
            ?? await MoveAsync(id, http, new Respond(body.Note!.Trim()), "note", service, reader, ct: ct);
    }

    private static async Task<IResult> Escalate(Guid id, HttpContext http, EscalationService service, EscalationReader reader, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReasonBody>(http.Request, ct);
        return problem ?? Text(body!.Reason, "reason", "Say why you are escalating")
            ?? await MoveAsync(id, http, new Escalate(body.Reason!.Trim()), "reason", service, reader, ct: ct);
    }

    private static async Task<IResult> Withdraw(Guid id, HttpContext http, EscalationService service, EscalationReader reader, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReasonBody>(http.Request, ct);
        return problem ?? Text(body!.Reason, "reason", "Say why you are withdrawing the escalation")
            ?? await MoveAsync(id, http, new Withdraw(body.Reason!.Trim()), "reason", service, reader, ct: ct);
    }

    private static async Task<IResult> Resolve(Guid id, HttpContext http, EscalationService service, EscalationReader reader, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ResolveBody>(http.Request, ct);
        if (problem is not null)
            return problem;

        var errors = new Dictionary<string, string[]>();
        if (!EscalationMapping.TryParseOutcome(body!.Outcome, out var kind))
            errors["outcome"] = ["Choose the outcome: decision-changed, decision-upheld or board-decision"];
        if (Text(body.Statement, "statement", "Write the outcome statement") is not null)
            errors["statement"] = [$"Write the outcome statement, in {TextMax} characters or fewer"];
        var actions = body.Actions ?? [];
        if (actions.Count > 50 || actions.Any(a => a is { Length: > 2_000 }))
            errors["actions"] = ["List at most 50 agreed actions, each 2,000 characters or fewer"];
        else if (actions.Any(a => a is not null && (a.Contains('\n', StringComparison.Ordinal) || a.Contains('\r', StringComparison.Ordinal))))
            errors["actions"] = ["Give each agreed action as its own item, on one line"];
        if (body.Learning is { Length: > TextMax })
            errors["learning"] = [$"This must be {TextMax} characters or fewer"];
        if (body.GoodPractice is { Length: > TextMax })
            errors["goodPractice"] = [$"This must be {TextMax} characters or fewer"];
        if (errors.Count > 0)
            return Problems.Invalid(errors);

        var outcome = new OutcomeDetails([.. actions.OfType<string>()], body.Learning, body.GoodPractice);
        return await MoveAsync(id, http, new Resolve(kind, body.Statement!.Trim()), "outcome", service, reader, outcome, ct);
    }

    private static async Task<IResult> OutcomeStatementAsync(Guid id, HttpContext http, EscalationPages pages, DateText dates, CancellationToken ct)
    {
        if (await pages.LoadAsync(id, http.User.PersonId(), ct) is not { } view)
            return Problems.NotFound();
        if (OutcomeStatementView.For(view, dates) is not { } statement)
            return Problems.Conflict("There is no outcome statement while the escalation is open.");
        http.Response.Headers.ContentSecurityPolicy = OutcomeStatement.ContentSecurityPolicy;
        return TypedResults.Content(OutcomeStatement.Html(statement), "text/html; charset=utf-8");
    }

    private static async Task<IResult> MoveAsync(Guid id, HttpContext http, Move move, string inputField, EscalationService service,
        EscalationReader reader, OutcomeDetails? outcome = null, CancellationToken ct = default)
    {
        if (!http.Request.TryIfMatch(out var expected))
            return Problems.Invalid("If-Match", "If-Match must be the escalation's version, as given in its ETag");

        var caller = http.User.PersonId();
        var result = await service.MoveAsync(id, caller, move, expected, outcome, ct);
        if (!result.IsOk)
            return Problems.From(result, inputField);

        var dto = await reader.GetAsync(id, caller, ct);
        if (dto is null)
            return TypedResults.NoContent();
        http.Response.Headers.ETag = CallerExtensions.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static ValidationProblem? Text(string? value, string field, string missing) =>
        string.IsNullOrWhiteSpace(value) ? Problems.Invalid(field, missing)
        : value.Length > TextMax ? Problems.Invalid(field, $"This must be {TextMax} characters or fewer")
        : null;
}
