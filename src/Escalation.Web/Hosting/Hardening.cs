using System.Threading.RateLimiting;
using Escalation.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Escalation.Web.Hosting;

/// <summary>Security headers, request limits, rate limits and the one exception handler.</summary>
internal static class Hardening
{
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public const string SignInPageRateLimit = "sign-in-page";

    /// <summary>Sign-in form posts allowed per minute from one network address (a whole office may share one).</summary>
    public const string SignInAttemptsKey = "Escalation:SignIn:AttemptsPerMinute";

    private const int DefaultSignInAttemptsPerMinute = 20;

    public static IServiceCollection AddEscalationHardening(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBytes);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AuthEndpoints.LoginRateLimit, context => PerAddressPerMinute(context, _ => 20));
            // The sign-in page: only its form posts count, so reading the page never uses up the allowance.
            options.AddPolicy(SignInPageRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? PerAddressPerMinute(context, c => c.RequestServices.GetRequiredService<IConfiguration>()
                    .GetValue(SignInAttemptsKey, DefaultSignInAttemptsPerMinute))
                : RateLimitPartition.GetNoLimiter("read"));
            options.OnRejected = async (context, ct) =>
            {
                // A page gets the GOV.UK "Too many attempts" page from the status code pages instead.
                if (UiRegistration.IsPage(context.HttpContext.Request.Path))
                    return;
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Title = "Too many attempts", Detail = "Wait a minute, then try again.", Status = StatusCodes.Status429TooManyRequests },
                });
            };
        });
        services.AddExceptionHandler<LastResortExceptionHandler>();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>A fixed window of one minute per network address; the limit is read when an address is first seen.</summary>
    private static RateLimitPartition<string> PerAddressPerMinute(HttpContext context, Func<HttpContext, int> limit) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit(context), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public static WebApplication UseEscalationHardening(this WebApplication app)
    {
        // A page that fails shows the GOV.UK error page (re-executed at this path); the API answers a problem document.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500" });
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
                        "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>After the pages' status code pages, so that a page refused for too many attempts gets a GOV.UK page.</summary>
    public static WebApplication UseEscalationRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}

/// <summary>
/// Turns the errors a client can cause (a body too large, a malformed request) into their own status codes, and
/// anything else into a problem document with no detail of the fault, which is logged instead. A page's fault is
/// left to the re-executed error page.
/// </summary>
internal sealed partial class LastResortExceptionHandler(IProblemDetailsService problems, ILogger<LastResortExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        // The request path already names the error page here; the path that failed is kept in this feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? string.Empty;
        if (status >= 500)
            LogUnhandled(logger, httpContext.Request.Method, path, exception);
        if (UiRegistration.IsPage(path) && status >= 500)
            return false;

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = status == StatusCodes.Status413PayloadTooLarge ? "The request is too large"
                    : status < 500 ? "The request is not valid" : "Something went wrong",
            },
        });
    }

    [LoggerMessage(EventId = 90, Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
