using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Escalation.Web.Api;

internal static class ApiRegistration
{
    public static IServiceCollection AddEscalationApi(this IServiceCollection services)
    {
        services.AddScoped<EscalationReader>();
        return services;
    }

    /// <summary>Everything under <c>/api</c>: bearer tokens only, so a browser's cookie can never be used to forge a call.</summary>
    public static IEndpointRouteBuilder MapEscalationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme })
            .DisableAntiforgery();
        api.MapAuthEndpoints();
        api.MapDirectoryEndpoints();
        api.MapEscalationEndpoints();
        api.MapPolicyEndpoints();
        api.MapDecisionEndpoints();
        api.MapReportEndpoints();
        api.MapAdminEndpoints();
        return app;
    }
}
