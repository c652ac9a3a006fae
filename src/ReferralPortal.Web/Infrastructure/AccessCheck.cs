using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Account;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// Access ends at the next request, on every instance (SPEC 8): each request's cookie is checked against the
/// database — the same security stamp (a role change or deactivation renews it), the member active, their
/// organisation not suspended — instead of Identity's validator, which looks only every 30 minutes and renews the
/// cookie each time it does. One indexed lookup per signed-in request.
/// </summary>
public static class AccessCheck
{
    private sealed record SessionFacts(DateTime LastSeenAt, DateTime CreatedAt, ReferralUserDealAccess Access);

    // A row only when the user passes and the session row is theirs (an inner join of the two). Compiled once: it
    // runs on every signed-in request, and EF's per-call work (the expression's parameters, the cache look-up) was
    // most of its cost in a profile of the Outbound list (issue 17).
    private static readonly Func<ReferralsDbContext, string, string, string, CancellationToken, Task<SessionFacts?>> FindSession =
        EF.CompileAsyncQuery((ReferralsDbContext db, string sessionId, string userId, string stamp, CancellationToken ct) => (
                from s in db.UserSessions.AsNoTracking()
                where s.Id == sessionId && s.UserId == userId
                from u in db.Users.AsNoTracking()
                where u.Id == s.UserId && u.SecurityStamp == stamp && u.DeactivatedAt == null && u.Organisation!.SuspendedAt == null
                select new SessionFacts(s.LastSeenAt, s.CreatedAt, u.Organisation!.ReferralUserDealAccess))
            .FirstOrDefault());

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        var sessionId = UserSessions.IdOf(context.Principal);
        var allowed = false;
        if (userId is not null && stamp is not null && sessionId is not null)
        {
            // One round trip for everything a signed-in request needs to know about its user (issue 17): the stamp,
            // member and organisation checks, the session row, and the organisation's deal visibility setting that
            // CurrentTenant would otherwise read in a query of its own.
            var db = services.GetRequiredService<ReferralsDbContext>();
            var found = await FindSession(db, sessionId, userId, stamp, context.HttpContext.RequestAborted);
            allowed = found is not null
                && await services.GetRequiredService<UserSessions>().IsLiveAsync(sessionId, new SessionTimes(found.LastSeenAt, found.CreatedAt), context.HttpContext.RequestAborted);
            if (allowed)
            {
                services.GetRequiredService<CurrentTenant>().KnowDealAccess(context.Principal!, found!.Access);
            }
        }

        if (!allowed)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessCheck))
                .LogInformation("Security event {SecurityEvent}: session of {UserId} ended", "SessionEnded", userId);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

/// <summary>Refuses sign-in to deactivated members and members of a suspended partner (reported as a failed sign-in).</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<PortalUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    ReferralsDbContext db,
    TimeProvider clock,
    UserSessions sessions)
    : SignInManager<PortalUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    /// <summary>
    /// Every sign-in (password, second factor, accepted invitation, refresh after a password change) starts a
    /// server-side session whose id the cookie carries, and records when, for the Team page's "Last sign-in".
    /// </summary>
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var sessionId = await sessions.StartAsync(user.Id);
        var claims = additionalClaims.Append(new Claim(UserSessions.ClaimType, sessionId));
        if (user.TwoFactorEnabled)
        {
            claims = claims.Append(new Claim(TwoFactorRequirement.ClaimType, "1"));
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
    }

    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        user.IsActive
        && await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == user.OrganisationId && o.SuspendedAt == null)
        && await base.CanSignInAsync(user);
}
