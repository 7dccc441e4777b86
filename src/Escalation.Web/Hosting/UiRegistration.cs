using Escalation.Core.Engine;
using Escalation.Web.Pages.Account;
using Escalation.Web.Pages.Admin;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Escalations;
using Escalation.Web.Pages.Escalations.Raise;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.FileProviders;

namespace Escalation.Web.Hosting;

/// <summary>The web pages: Razor Pages on GOV.UK Frontend, signed in with the cookie.</summary>
internal static class UiRegistration
{
    public const string AdminPolicy = "Administrators";

    public static IServiceCollection AddEscalationUi(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // Every page needs a signed-in person, except the account pages and the error page.
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
        }).ConfigureApplicationPartManager(parts =>
        {
            // The service has no MVC controllers. Without this, start-up loads every type of the web assembly to look for
            // them, about half a MB of memory held for the life of the process (docs/benchmarks.md, P5).
            foreach (var controllers in parts.FeatureProviders.OfType<ControllerFeatureProvider>().ToList())
                parts.FeatureProviders.Remove(controllers);
        });
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "escalation-antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddSession(options =>
        {
            options.Cookie.Name = "escalation-draft";
            options.Cookie.HttpOnly = true;
            options.Cookie.IsEssential = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.IdleTimeout = TimeSpan.FromHours(2);
        });

        services.AddHttpContextAccessor();
        services.AddSingleton<DateText>();
        services.AddSingleton(sp => EmergencyContacts.From(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<RaiseDraftStore>();
        services.AddScoped<EscalationPages>();
        services.AddScoped<Pages.Board.EscalationLog>();
        services.AddScoped<Pages.Board.BoardOverview>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<PersonEdits>();
        services.AddScoped<Departures>();
        services.AddScoped<PasswordResets>();
        return services;
    }

    /// <summary>
    /// The pages' middleware that must run before sign-in: static files (no cookie work for them), and GOV.UK error pages
    /// for the pages' error statuses. The error page is re-executed through sign-in and authorisation like any page.
    /// </summary>
    public static WebApplication UseEscalationUiBeforeSignIn(this WebApplication app)
    {
        app.UseStaticFiles();
        // govuk-frontend's CSS asks for its fonts and images at /assets/.
        var assets = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "lib", "govuk", "assets");
        if (Directory.Exists(assets))
            app.UseStaticFiles(new StaticFileOptions { RequestPath = "/assets", FileProvider = new PhysicalFileProvider(assets) });

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // The API, health and OpenAPI keep their problem documents (from the hardening's status code pages).
        app.Use((context, next) =>
        {
            if (!IsPage(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next(context);
        });
        return app;
    }

    public static WebApplication MapEscalationUi(this WebApplication app)
    {
        // Only pages keep half-finished forms: the API never touches the session store. The session is loaded from the
        // database before the page runs, so no page reads it with a blocking call.
        app.UseWhen(context => IsPage(context.Request.Path), pages => pages.UseSession().Use(async (context, next) =>
        {
            await context.Session.LoadAsync(context.RequestAborted);
            await next(context);
        }));
        app.MapRazorPages();
        return app;
    }

    /// <summary>Whether a request is for a web page, not the API, health checks or OpenAPI.</summary>
    public static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
