namespace ReferralPortal.Web.Features.Workspace;

/// <summary>Registers the Workspace feature's queries, commands and services.</summary>
public static class WorkspaceFeature
{
    public static IServiceCollection AddWorkspaceFeature(this IServiceCollection services)
    {
        services.AddScoped<WorkspaceQuery>();
        return services;
    }
}
