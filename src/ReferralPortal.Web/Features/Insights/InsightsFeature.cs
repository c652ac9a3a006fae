namespace ReferralPortal.Web.Features.Insights;

/// <summary>Registers the Insights feature's queries.</summary>
public static class InsightsFeature
{
    public static IServiceCollection AddInsightsFeature(this IServiceCollection services)
    {
        services.AddScoped<InsightsQuery>();
        services.AddScoped<ReviewSlaQuery>();
        return services;
    }
}
