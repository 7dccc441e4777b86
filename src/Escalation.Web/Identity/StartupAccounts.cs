using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Identity;

/// <summary>At start-up: the roles, the first administrator from configuration, and the demo partnership if asked for.</summary>
internal static partial class StartupAccounts
{
    public const string AdministrationAgency = "Partnership administration";

    public static async Task PrepareAccountsAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var roles = provider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }), $"role {role}");
        }

        var configuration = provider.GetRequiredService<IConfiguration>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Escalation.Startup");
        // The demo goes first: it only seeds an empty database, and the administrator's agency would make it non-empty.
        if (SeedsDemo(configuration, provider.GetRequiredService<IHostEnvironment>()))
        {
            var password = configuration["Escalation:Seed:DemoPassword"];
            var users = provider.GetRequiredService<UserManager<Person>>();
            if (await DemoPartnership.SeedIfEmptyAsync(provider.GetRequiredService<EscalationDbContext>(), users,
                    password ?? DemoPartnership.DefaultPassword, ct))
                LogDemoSeeded(logger);
            if (await users.FindByEmailAsync(DemoPartnership.FirstAccount) is not null)
                LogDemoAccount(logger, DemoPartnership.FirstAccount, password is null ? DemoPartnership.DefaultPassword : "the one in Escalation:Seed:DemoPassword");
        }

        await EnsureAdministratorAsync(provider, configuration, logger, ct);
        if (!await AnyAdministratorAsync(provider))
            LogNoAdministrator(logger, NoAdministratorHelp);
    }

    /// <summary>What the sign-in page and the start-up log say while the service has no administrator.</summary>
    private const string NoAdministratorHelp = "This service has no administrator yet. Stop it and start it once with "
        + "--Escalation:Admin:Email=you@council.example --Escalation:Admin:Password=\"a password of 12 or more characters\" "
        + "(or the environment variables Escalation__Admin__Email and Escalation__Admin__Password), then sign in with that "
        + "address to add agencies and people.";

    /// <summary>Whether anyone holds the Admin role.</summary>
    public static async Task<bool> AnyAdministratorAsync(IServiceProvider provider)
    {
        var users = provider.GetRequiredService<UserManager<Person>>();
        return (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0;
    }

    // Escalation:Seed=demo seeds anywhere; the Development environment seeds unless Escalation:Seed says otherwise (none).
    private static bool SeedsDemo(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Escalation:Seed"] is { } seed
            ? string.Equals(seed, "demo", StringComparison.OrdinalIgnoreCase)
            : environment.IsDevelopment();

    private static async Task EnsureAdministratorAsync(IServiceProvider provider, IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        var email = configuration["Escalation:Admin:Email"];
        var password = configuration["Escalation:Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return;

        var users = provider.GetRequiredService<UserManager<Person>>();
        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            var db = provider.GetRequiredService<EscalationDbContext>();
            var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Name == AdministrationAgency, ct);
            if (agency is null)
            {
                agency = new Agency { Id = Guid.CreateVersion7(), Name = AdministrationAgency, Kind = AgencyKind.Partnership };
                db.Agencies.Add(agency);
                await db.SaveChangesAsync(ct);
            }

            admin = new Person { Id = Guid.CreateVersion7(), Name = "Administrator", Email = email, UserName = email, AgencyId = agency.Id, EmailConfirmed = true };
            Check(await users.CreateAsync(admin, password), "Escalation:Admin:Password");
        }
        else
        {
            // "Refresh": the configured password wins, so an operator can always get back in. A password that already
            // verifies is left as it is: resetting it re-hashed it at every start (a second of start-up) and gave the
            // administrator a new security stamp, which signs them out of every session at each restart.
            if (HasCurrentPassword(users, admin, password))
            {
                foreach (var validator in users.PasswordValidators)
                    Check(await validator.ValidateAsync(users, admin, password), "Escalation:Admin:Password");
            }
            else
            {
                var token = await users.GeneratePasswordResetTokenAsync(admin);
                Check(await users.ResetPasswordAsync(admin, token, password), "Escalation:Admin:Password");
            }

            if (admin.LockoutEnd is not null)
                await users.SetLockoutEndDateAsync(admin, null);
        }

        if (!await users.IsInRoleAsync(admin, Roles.Admin))
            Check(await users.AddToRoleAsync(admin, Roles.Admin), "Escalation:Admin:Email");
        LogAdministrator(logger, email);
    }

    /// <summary>
    /// Whether <paramref name="password"/> is the administrator's password, hashed as this version hashes it
    /// (a hash that verifies but needs re-hashing in the current format counts as not current, so it is reset).
    /// </summary>
    private static bool HasCurrentPassword(UserManager<Person> users, Person admin, string password) =>
        admin.PasswordHash is { } hash
        && users.PasswordHasher.VerifyHashedPassword(admin, hash, password) == PasswordVerificationResult.Success;

    internal static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"{what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Administrator {Email} is ready")]
    private static partial void LogAdministrator(ILogger logger, string email);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Seeded the DEMO partnership: demonstration accounts only, never for real cases")]
    private static partial void LogDemoSeeded(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "DEMO partnership: sign in as {Email} with the password {Password}; every demo account is listed in the README")]
    private static partial void LogDemoAccount(ILogger logger, string email, string password);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Help}")]
    private static partial void LogNoAdministrator(ILogger logger, string help);
}
