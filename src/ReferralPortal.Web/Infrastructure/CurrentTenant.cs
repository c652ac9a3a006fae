using System.Security.Claims;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>The signed-in user as the domain sees them (an <see cref="Actor"/>) and as the data layer scopes them.</summary>
public sealed class CurrentTenant(IHttpContextAccessor accessor)
{
    // An anonymous request inside HTTP sees nobody's data; outside HTTP (jobs, seed) nothing is scoped.
    private static readonly TenantScope Nobody = new(-1, false, "-");

    public TenantScope? Scope
    {
        get
        {
            var http = accessor.HttpContext;
            if (http is null)
            {
                return null;
            }

            var actor = PortalClaims.ToActor(http.User);
            return actor is null ? Nobody : new TenantScope(actor.OrganisationId, actor.IsVendor, actor.UserId);
        }
    }

    /// <summary>The actor for the current request; only call on endpoints that require sign-in.</summary>
    public Actor Actor => PortalClaims.ToActor(accessor.HttpContext?.User ?? new ClaimsPrincipal())
        ?? throw new InvalidOperationException("No signed-in portal user on this request.");
}
