using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>Registers the Workspace feature's queries, commands and services.</summary>
public static class WorkspaceFeature
{
    public static IServiceCollection AddWorkspaceFeature(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<WorkspaceOptions>().BindConfiguration(WorkspaceOptions.Section);
        // Full-text on SQLite (FTS5 trigram table), a UNION of trigram-indexed LIKEs on PostgreSQL, LIKE on SQL Server: one interface.
        services.AddScoped<IDealSearch>(sp =>
        {
            var db = sp.GetRequiredService<ReferralsDbContext>();
            return db.Database.IsSqlite() ? new FtsDealSearch(db) : db.Database.IsNpgsql() ? new PostgresDealSearch(db) : new LikeDealSearch();
        });
        services.AddScoped<WorkspaceDeals>();
        services.AddScoped<ReferralPortal.Web.Infrastructure.HeaderFacts>();
        services.AddScoped<WorkspaceQuery>();
        services.AddScoped<WorkspaceExport>();
        return services;
    }
}
