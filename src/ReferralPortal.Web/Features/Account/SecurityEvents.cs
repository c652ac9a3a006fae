using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Team;

namespace ReferralPortal.Web.Features.Account;

/// <summary>
/// A person's own sign-in security events (ASVS 16): stored as audit entries with the person as actor (the people
/// feature's audit table, so the Account page can list them) and written as one structured log event each, with
/// user id, organisation and client address — never a password, code or token.
/// </summary>
public sealed class SecurityEvents(ReferralsDbContext db, TimeProvider clock, IHttpContextAccessor http, ILogger<SecurityEvents> log)
{
    /// <summary>How many events the Account page lists.</summary>
    public const int Recent = 20;

    public async Task RecordAsync(PortalUser user, AuditAction action, string? detail = null)
    {
        db.AuditEntries.Add(new AuditEntry(user.OrganisationId, clock.GetUtcNow().UtcDateTime, user.Id, user.DisplayName, action, user.Email ?? string.Empty, detail));
        await db.SaveChangesAsync();
        Log(action, user.Id, user.OrganisationId, detail);
    }

    /// <summary>An event with no account behind it (an unknown address): logged, not stored.</summary>
    public void LogOnly(AuditAction action, string? userId, int? organisationId, string? detail = null) => Log(action, userId, organisationId, detail);

    public Task<List<SecurityActivityRow>> RecentOfAsync(string userId, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.ActorUserId == userId && PersonalSecurityEvents.All.Contains(a.Action))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Recent)
            .Select(a => new SecurityActivityRow(a.At, a.Action, a.Detail))
            .ToListAsync(ct);

    // Failures are warnings (someone may be guessing); the rest is information.
    private void Log(AuditAction action, string? userId, int? organisationId, string? detail) =>
        log.Log(
            action is AuditAction.SignInFailed or AuditAction.LockedOut or AuditAction.TwoFactorFailed ? LogLevel.Warning : LogLevel.Information,
            "Security event {SecurityEvent}: user {UserId} in organisation {OrganisationId} from {ClientAddress} ({Detail})",
            action, userId ?? "unknown", organisationId, http.HttpContext?.Connection.RemoteIpAddress?.ToString(), detail);
}

public sealed record SecurityActivityRow(DateTime At, AuditAction Action, string? Detail);
