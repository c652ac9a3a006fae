namespace ReferralPortal.Web.Features.Deals;

/// <summary>Registers the Deals feature's queries, commands and services.</summary>
public static class DealsFeature
{
    public static IServiceCollection AddDealsFeature(this IServiceCollection services)
    {
        services.AddScoped<DealPageQuery>();
        services.AddScoped<DealTeamDirectory>();
        services.AddScoped<DealEditor>();
        services.AddScoped<DealFavouriteCommand>();
        services.AddScoped<DealNoteCommand>();
        services.AddDealLifecycle();
        return services;
    }
}
