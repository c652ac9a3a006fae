namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Registers the NewDeal feature's queries, commands and services.</summary>
public static class NewDealFeature
{
    public static IServiceCollection AddNewDealFeature(this IServiceCollection services)
    {
        return services;
    }
}
