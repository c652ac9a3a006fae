using Microsoft.Extensions.Options;

namespace ReferralPortal.Web.Features.Notifications;

/// <summary>Registers the Notifications feature: in-app notifications, the e-mail outbox and its sender.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddScoped<DealNotifier>();
        services.AddScoped<NotificationQueries>();
        services.AddScoped<MarkNotificationsRead>();
        services.AddScoped<OutboxDispatcher>();

        // SMTP when a relay is configured, otherwise the log/file sender (development default).
        services.AddSingleton<IEmailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
            ? ActivatorUtilities.CreateInstance<LogEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp));
        services.AddHostedService<OutboxJob>();
        return services;
    }
}
