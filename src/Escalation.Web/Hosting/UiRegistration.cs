namespace Escalation.Web.Hosting;

/// <summary>The web pages: Razor Pages on GOV.UK Frontend, signed in with the cookie.</summary>
internal static class UiRegistration
{
    public static IServiceCollection AddEscalationUi(this IServiceCollection services) => services;

    public static WebApplication MapEscalationUi(this WebApplication app) => app;
}
