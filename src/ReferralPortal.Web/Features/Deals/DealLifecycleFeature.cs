using ReferralPortal.Web.Features.Inbound;
using ReferralPortal.Web.Features.Triage;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>Registers the review lifecycle: the one command for every step, the action forms' query, the review-window job and inbound referral creation.</summary>
public static class DealLifecycleFeature
{
    public static IServiceCollection AddDealLifecycle(this IServiceCollection services)
    {
        services.AddScoped<DealCommand>();
        services.AddScoped<DealActionQuery>();
        services.AddScoped<ReviewWindowSweep>();
        services.AddOptions<ReviewWindowJobOptions>().BindConfiguration(ReviewWindowJobOptions.Section);
        services.AddHostedService<ReviewWindowJob>();

        // Creating an inbound referral starts its review window.
        services.AddInboundFeature();

        // Every step that can start a channel conflict runs its detection (issue 19).
        services.AddTriage();
        return services;
    }
}
