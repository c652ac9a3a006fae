using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;

namespace ReferralPortal.Web.Features.Account;

/// <summary>
/// Server-side sessions (ASVS 7.2, 7.3, 7.4): started at sign-in, checked on every request of the cookie scheme,
/// ended by sign-out, Sign out everywhere, a password change or reset, and after the idle timeout or the absolute
/// lifetime. Rows live in the database, so every instance sees an ended session at once.
/// </summary>
public sealed class UserSessions(ReferralsDbContext db, TimeProvider clock, IOptions<SigninOptions> options)
{
    /// <summary>The claim of the auth cookie that names its session row.</summary>
    public const string ClaimType = "rp:sid";

    // LastSeenAt is written at most once a minute: the idle timeout does not need more, and most requests stay reads.
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public static string? IdOf(ClaimsPrincipal? principal) => principal?.FindFirstValue(ClaimType);

    /// <summary>Records a new session for the user (and drops their sessions that have already run out).</summary>
    public async Task<string> StartAsync(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (idleSince, bornBefore) = Limits(now);
        await db.UserSessions.Where(s => s.UserId == userId && (s.LastSeenAt < idleSince || s.CreatedAt < bornBefore)).ExecuteDeleteAsync();
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await db.UserSessions.AddAsync(new UserSession(id, userId, now));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>True while the session exists, belongs to the user and is neither idle nor past its lifetime; slides the idle window.</summary>
    public async Task<bool> IsLiveAsync(string? sessionId, string userId, CancellationToken ct)
    {
        if (sessionId is null)
        {
            return false;
        }

        var session = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new SessionTimes(s.LastSeenAt, s.CreatedAt)).FirstOrDefaultAsync(ct);
        return await IsLiveAsync(sessionId, session, ct);
    }

    /// <summary>
    /// The same check for a session row the caller has already read (AccessCheck reads it in the one query that also
    /// checks the user, so a signed-in request costs one round trip): null when no row of this user has the id.
    /// </summary>
    public async Task<bool> IsLiveAsync(string sessionId, SessionTimes? session, CancellationToken ct)
    {
        if (session is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (idleSince, bornBefore) = Limits(now);
        if (session.LastSeenAt < idleSince || session.CreatedAt < bornBefore)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
            return false;
        }

        if (now - session.LastSeenAt >= TouchEvery)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        }

        return true;
    }

    public Task EndAsync(string? sessionId) =>
        sessionId is null ? Task.CompletedTask : db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync();

    /// <summary>Ends every session of the user, on every instance.</summary>
    public Task EndAllAsync(string userId) => db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();

    private (DateTime IdleSince, DateTime BornBefore) Limits(DateTime now) =>
        (now - options.Value.IdleTimeout, now - options.Value.Lifetime);
}

/// <summary>When a session was last seen and started (what <see cref="UserSessions.IsLiveAsync(string, SessionTimes?, CancellationToken)"/> checks).</summary>
public sealed record SessionTimes(DateTime LastSeenAt, DateTime CreatedAt);
