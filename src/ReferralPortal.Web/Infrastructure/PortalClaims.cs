using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>The claims that carry the user's organisation into every request.</summary>
public static class PortalClaims
{
    public const string OrganisationId = "rp:org";
    public const string OrganisationKind = "rp:org_kind";
    public const string OrganisationName = "rp:org_name";
    public const string DisplayName = "rp:name";

    public static Actor? ToActor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var org = user.FindFirstValue(OrganisationId);
        var kind = user.FindFirstValue(OrganisationKind);
        var role = user.FindFirstValue(ClaimTypes.Role);
        if (id is null || !int.TryParse(org, CultureInfo.InvariantCulture, out var orgId)
            || !Enum.TryParse<OrganisationKind>(kind, out var orgKind) || !Enum.TryParse<PortalRole>(role, out var portalRole))
        {
            return null;
        }

        return new Actor(id, user.FindFirstValue(DisplayName) ?? user.Identity.Name ?? string.Empty, orgId, orgKind, portalRole);
    }
}

/// <summary>Adds organisation and display name claims when Identity builds the sign-in principal.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    ReferralsDbContext db)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var org = await db.Organisations.FindAsync(user.OrganisationId)
            ?? throw new InvalidOperationException("User without organisation.");
        identity.AddClaim(new Claim(PortalClaims.OrganisationId, org.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PortalClaims.OrganisationKind, org.Kind.ToString()));
        identity.AddClaim(new Claim(PortalClaims.OrganisationName, org.Name));
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
