using Microsoft.AspNetCore.Authorization;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>Named authorisation policies; controllers use these names, never role strings.</summary>
public static class Policies
{
    public const string PartnerUser = nameof(PartnerUser);
    public const string PartnerAdmin = nameof(PartnerAdmin);
    public const string VendorUser = nameof(VendorUser);
    public const string VendorReviewer = nameof(VendorReviewer);
    public const string ProgrammeAdmin = nameof(ProgrammeAdmin);

    /// <summary>Manages an organisation's team: a partner's referral admin or the vendor's programme admin.</summary>
    public const string TeamAdmin = nameof(TeamAdmin);

    public static void Configure(AuthorizationOptions options)
    {
        // Everything needs a signed-in portal user unless it says [AllowAnonymous] (login, health, errors).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(PartnerUser, p => p.RequireAssertion(c => PortalClaims.ToActor(c.User)?.IsPartner == true));
        options.AddPolicy(PartnerAdmin, p => p.RequireAssertion(c => PortalClaims.ToActor(c.User)?.IsPartnerAdmin == true));
        options.AddPolicy(VendorUser, p => p.RequireAssertion(c => PortalClaims.ToActor(c.User)?.IsVendor == true));
        options.AddPolicy(VendorReviewer, p => p.RequireAssertion(c => PortalClaims.ToActor(c.User)?.IsVendorReviewer == true));
        options.AddPolicy(ProgrammeAdmin, p => p.RequireAssertion(c => PortalClaims.ToActor(c.User)?.Role == PortalRole.ProgrammeAdmin
            && PortalClaims.ToActor(c.User)?.IsVendor == true));
        options.AddPolicy(TeamAdmin, p => p.RequireAssertion(c => PortalClaims.ToActor(c.User) is { } a && (a.IsPartnerAdmin || a.IsProgrammeAdmin)));
    }
}
