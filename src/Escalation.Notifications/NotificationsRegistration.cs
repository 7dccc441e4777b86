using Escalation.Core.Policies;
using Escalation.Notifications.Admin;
using Escalation.Notifications.Delivery;
using Escalation.Notifications.Templates;
using Escalation.Services.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Escalation.Notifications;

/// <summary>The one registration of the notifications project.</summary>
public static class NotificationsRegistration
{
    /// <summary>
    /// Email templates (loaded and checked now: a broken one throws <see cref="EmailTemplateException"/>), rendering,
    /// the SMTP or pickup-directory transport, the outbox delivery worker and <see cref="OutboxAdmin"/>. Needs <c>AddEscalationData</c>, a <see cref="PolicyCatalog"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">Reads <c>Escalation:BaseUrl</c>, <c>Escalation:Smtp:*</c> and <c>Escalation:Mail:*</c>.</param>
    /// <param name="templatesPath">The templates folder (<c>Escalation:Templates:Path</c>); the mails are in its <c>email/</c> folder.</param>
    public static IServiceCollection AddEscalationNotifications(this IServiceCollection services, IConfiguration configuration, string templatesPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(templatesPath);

        var templates = EmailTemplates.Load(Path.Combine(templatesPath, "email"));
        var mail = ReadMailOptions(configuration);
        services.AddSingleton(templates);
        services.AddSingleton(Options.Create(mail));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection("Escalation:Smtp"))
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Escalation:Smtp:From is not a mail address, e.g. Escalation service <no-reply@example.org>.")
            .Validate(o => o.Port is null or (> 0 and < 65536), "Escalation:Smtp:Port must be between 1 and 65535.")
            .ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection("Escalation:Mail:Delivery"))
            .Validate(o => o.BatchSize >= 1 && o.MaxAttempts >= 1, "Escalation:Mail:Delivery: BatchSize and MaxAttempts must be at least 1.")
            .Validate(o => o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay && o.LeaseDuration > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero,
                "Escalation:Mail:Delivery: delays must be positive, with MaxDelay at least BaseDelay.")
            .ValidateOnStart();

        services.AddSingleton(sp => new EmailRenderer(templates, sp.GetRequiredService<PolicyCatalog>().Calendar, mail.BaseUrl));
        services.AddSingleton<MailComposer>();
        services.AddSingleton<RetrySchedule>();
        services.TryAddSingleton<OutboxNode>();
        services.AddScoped<IMailTransport>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.HasHost
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryTransport>(sp));
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<OutboxAdmin>();
        services.AddSingleton<DeliveryRunner>();
        services.AddHostedService<PollingWorker<DeliveryRunner>>();
        return services;
    }

    private static MailOptions ReadMailOptions(IConfiguration configuration)
    {
        var baseUrl = configuration["Escalation:BaseUrl"] ?? MailOptions.DefaultBaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Escalation:BaseUrl: '{baseUrl}' is not an absolute http or https address.");
        var pickup = configuration["Escalation:Mail:PickupDirectory"];
        return new MailOptions
        {
            BaseUrl = uri,
            PickupDirectory = string.IsNullOrWhiteSpace(pickup) ? MailOptions.DefaultPickupDirectory : pickup,
        };
    }
}
