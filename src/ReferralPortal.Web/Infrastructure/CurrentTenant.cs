using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>The signed-in user as the domain sees them (an <see cref="Actor"/>) and as the data layer scopes them.</summary>
public sealed class CurrentTenant(IHttpContextAccessor accessor, IDbContextFactory<ReferralsDbContext> contexts)
{
    // An anonymous request inside HTTP sees nobody's data; outside HTTP (jobs, seed) nothing is scoped.
    private static readonly TenantScope Nobody = new(-1, false, "-");

    private ClaimsPrincipal? scopedUser;
    private TenantScope? scope;

    // The organisation's deal visibility setting as AccessCheck read it for this request's cookie principal.
    private (ClaimsPrincipal User, ReferralUserDealAccess Access)? known;

    /// <summary>
    /// The organisation's <see cref="ReferralUserDealAccess"/> as the request's access check already read it for
    /// <paramref name="user"/> (the same request, the same moment), so the scope does not read it again.
    /// </summary>
    public void KnowDealAccess(ClaimsPrincipal user, ReferralUserDealAccess access) => known = (user, access);

    public TenantScope? Scope
    {
        get
        {
            var http = accessor.HttpContext;
            if (http is null)
            {
                return null;
            }

            // Once per request (and again only if the request signs someone in): the organisation's visibility
            // setting is read from the database, so a change applies from every user's next request.
            if (!ReferenceEquals(scopedUser, http.User) || scope is null)
            {
                scope = ScopeOf(PortalClaims.ToActor(http.User));
                scopedUser = http.User;
            }

            return scope;
        }
    }

    /// <summary>The actor for the current request; only call on endpoints that require sign-in.</summary>
    public Actor Actor => PortalClaims.ToActor(accessor.HttpContext?.User ?? new ClaimsPrincipal())
        ?? throw new InvalidOperationException("No signed-in portal user on this request.");

    private TenantScope ScopeOf(Actor? actor)
    {
        if (actor is null)
        {
            return Nobody;
        }

        var teamOnly = false;
        if (actor.IsPartner && actor.Role == PortalRole.ReferralUser)
        {
            teamOnly = DealVisibility.IsLimitedToTeam(actor, known is { } k && IsSameUser(k.User, actor) ? k.Access : ReadDealAccess(actor));
        }

        return new TenantScope(actor.OrganisationId, actor.IsVendor, actor.UserId, teamOnly);
    }

    // A separate, unscoped context: this runs inside the scoped context's own query filter evaluation.
    private ReferralUserDealAccess ReadDealAccess(Actor actor)
    {
        using var db = contexts.CreateDbContext();
        db.SetTenant((TenantScope?)null);
        return db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId)
            .Select(o => o.ReferralUserDealAccess).FirstOrDefault();
    }

    private static bool IsSameUser(ClaimsPrincipal user, Actor actor) =>
        PortalClaims.ToActor(user) is { } checkedActor && checkedActor.UserId == actor.UserId && checkedActor.OrganisationId == actor.OrganisationId;
}
