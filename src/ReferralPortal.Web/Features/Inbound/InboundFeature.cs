namespace ReferralPortal.Web.Features.Inbound;

/// <summary>Registers the New inbound referral form (vendor reviewers).</summary>
public static class InboundFeature
{
    public static IServiceCollection AddInboundFeature(this IServiceCollection services)
    {
        services.AddScoped<InboundFormQuery>();
        services.AddScoped<CreateInboundReferral>();
        return services;
    }
}
