namespace ReferralPortal.Web.Features.Triage;

/// <summary>Registers the vendor's triage (issue 19): channel-conflict detection and the reviewer tools.</summary>
public static class TriageFeature
{
    public static IServiceCollection AddTriage(this IServiceCollection services)
    {
        services.AddScoped<ChannelConflicts>();
        services.AddScoped<ConflictQuery>();
        services.AddScoped<ReviewerDirectory>();
        services.AddScoped<BulkDecisions>();
        return services;
    }
}
