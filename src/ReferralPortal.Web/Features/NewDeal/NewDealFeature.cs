namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Registers the NewDeal feature's queries, commands and services.</summary>
public static class NewDealFeature
{
    public static IServiceCollection AddNewDealFeature(this IServiceCollection services)
    {
        services.AddScoped<DealCreationGate>();
        services.AddScoped<RequireDealCreationFilter>();
        services.AddScoped<DraftStore>();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<IPartnerSolutions, PartnerSolutions>();
        services.AddScoped<CreateDealFromDraft>();
        return services;
    }
}
