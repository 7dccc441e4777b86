using Escalation.Data.Entities;
using Escalation.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Escalation.Web.Api;

internal sealed record LoginBody(string? Email, string? Password);

internal sealed record AcceptInvitationBody(string? Token, string? Password);

/// <summary>
/// Sign-in for API callers, on ASP.NET Core Identity's bearer tokens, and accepting an invitation.
/// There is deliberately no open registration: administrators add people.
/// </summary>
internal static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign in").AllowAnonymous().RequireRateLimiting(LoginRateLimit);
        auth.MapPost("/login", Login).Accepts<LoginBody>("application/json")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem();
        auth.MapPost("/invitations/accept", Accept).Accepts<AcceptInvitationBody>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> Login(HttpContext http, SignInManager<Person> signIn)
    {
        var (body, problem) = await JsonBody.ReadAsync<LoginBody>(http.Request, http.RequestAborted);
        if (problem is not null)
            return problem;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body!.Email) || body.Email.Length > 256)
            errors["email"] = ["Enter your email address"];
        if (string.IsNullOrEmpty(body.Password) || body.Password.Length > 1024)
            errors["password"] = ["Enter your password"];
        if (errors.Count > 0)
            return Problems.Invalid(errors);

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var user = await signIn.UserManager.FindByEmailAsync(body.Email!.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, body.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return TypedResults.Empty; // the bearer handler has written { tokenType, accessToken, expiresIn, refreshToken }

        return TypedResults.Problem(
            title: "Sign-in failed",
            detail: result.IsLockedOut
                ? "Too many attempts: this account is locked for 15 minutes."
                : "The email address or password is not right.",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<NoContent, ValidationProblem>> Accept(HttpContext http, Invitations invitations)
    {
        var (body, problem) = await JsonBody.ReadAsync<AcceptInvitationBody>(http.Request, http.RequestAborted);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.Token) || body.Token.Length > 200)
            return Problems.Invalid("token", "This invitation link is not complete. Copy the whole link from your email.");
        if (string.IsNullOrEmpty(body.Password) || body.Password.Length > 1024)
            return Problems.Invalid("password", "Enter a password of at least 12 characters");

        var errors = await invitations.AcceptAsync(body.Token, body.Password, http.RequestAborted);
        return errors.Count == 0 ? TypedResults.NoContent() : Problems.Invalid(errors);
    }
}
