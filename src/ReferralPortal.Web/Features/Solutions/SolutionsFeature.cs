namespace ReferralPortal.Web.Features.Solutions;

/// <summary>Registers the Solutions feature's queries, commands and services.</summary>
public static class SolutionsFeature
{
    public static IServiceCollection AddSolutionsFeature(this IServiceCollection services)
    {
        services.AddScoped<SolutionsQuery>();
        services.AddScoped<SolutionCommand>();
        return services;
    }
}
