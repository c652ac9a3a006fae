namespace ReferralPortal.Web.Features.Notifications;

/// <summary>Registers the Notifications feature's queries, commands and services.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services)
    {
        return services;
    }
}
