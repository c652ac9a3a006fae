namespace ReferralPortal.Web.Features.Workspace;

/// <summary>Registers the Workspace feature's queries, commands and services.</summary>
public static class WorkspaceFeature
{
    public static IServiceCollection AddWorkspaceFeature(this IServiceCollection services)
    {
        services.AddOptions<WorkspaceOptions>().BindConfiguration(WorkspaceOptions.Section);
        services.AddScoped<IDealSearch, LikeDealSearch>();
        services.AddScoped<WorkspaceDeals>();
        services.AddScoped<WorkspaceQuery>();
        services.AddScoped<WorkspaceExport>();
        return services;
    }
}
