using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Features.Partners;

namespace ReferralPortal.Web.Features.Team;

/// <summary>Registers people and organisations: Team, Partners, invitations and the audit trail.</summary>
public static class PeopleFeature
{
    public static IServiceCollection AddPeopleFeature(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section);
        services.AddScoped<AuditTrail>();
        services.AddScoped<InvitationIssuer>();
        services.AddScoped<TeamQuery>();
        services.AddScoped<MemberCommands>();
        services.AddScoped<PartnersQuery>();
        return services;
    }
}
