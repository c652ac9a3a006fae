using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Invitations;

namespace ReferralPortal.Web.Features.Api;

public sealed record ApiTokenRow(int Id, string Name, ApiTokenScope Scope, string Hint, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt, string? CreatedBy);

/// <summary>The API tokens page's reads and writes; each write is a security event in the structured log.</summary>
public sealed class ApiTokenCommands(ReferralsDbContext db, TimeProvider clock, ILogger<ApiTokenCommands> log)
{
    /// <summary>The organisation's tokens, newest first (the tenant filter keeps other organisations' out).</summary>
    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking()
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Scope, t.Hint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt,
                db.Users.Where(u => u.Id == t.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);

    /// <summary>Creates a token and returns its text: the only time it exists outside the caller's hands.</summary>
    public async Task<string> CreateAsync(Actor actor, string name, ApiTokenScope scope, DateOnly expires, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = ApiTokens.New();
        var token = ApiToken.Create(actor, name, scope, expires.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc), InvitationTokens.Hash(text), ApiTokens.Hint(text), now);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Security event {SecurityEvent}: API token {ApiTokenId} ({Scope}) created for organisation {OrganisationId} by {UserId}",
            "ApiTokenCreated", token.Id, token.Scope, actor.OrganisationId, actor.UserId);
        return text;
    }

    /// <summary>False when the token is not the organisation's.</summary>
    public async Task<bool> RevokeAsync(Actor actor, int id, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || !actor.BelongsTo(token.OrganisationId))
        {
            return false;
        }

        token.Revoke(actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Security event {SecurityEvent}: API token {ApiTokenId} of organisation {OrganisationId} revoked by {UserId}",
            "ApiTokenRevoked", token.Id, actor.OrganisationId, actor.UserId);
        return true;
    }
}
