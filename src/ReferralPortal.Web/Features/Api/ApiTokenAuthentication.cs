using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Api;

/// <summary>
/// <c>Authorization: Bearer rp_…</c>: looks the token's hash up on every call (so a revocation applies at the next
/// call, on every instance) and builds a principal that acts as the token's organisation with its admins' rights.
/// A scheme of its own: the cookie scheme's session checks never run for it, and it never reads cookies.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<ReferralsDbContext> contexts,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "rp:api_token";
    public const string ScopeClaim = "rp:api_scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ApiTokens.FromHeader(Request.Headers.Authorization.ToString());
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        db.SetTenant((TenantScope?)null);
        var hash = InvitationTokens.Hash(token);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new { Token = t, Kind = db.Organisations.Where(o => o.Id == t.OrganisationId).Select(o => new { o.Kind, o.Name, o.SuspendedAt }).First() })
            .FirstOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown API token.");
        }

        if (found.Token.IsRevoked)
        {
            Logger.LogWarning("Security event {SecurityEvent}: revoked API token {ApiTokenId} of organisation {OrganisationId} was used",
                "ApiTokenRevokedUse", found.Token.Id, found.Token.OrganisationId);
            return AuthenticateResult.Fail("Revoked API token.");
        }

        if (!found.Token.IsUsable(now) || found.Kind.SuspendedAt is not null)
        {
            return AuthenticateResult.Fail("Expired API token.");
        }

        // "Last used" to the minute: one small write a minute per busy token, not one per call.
        if (found.Token.LastUsedAt is null || found.Token.LastUsedAt < now.AddMinutes(-1))
        {
            var id = found.Token.Id;
            await db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var role = found.Kind.Kind == OrganisationKind.Vendor ? PortalRole.ProgrammeAdmin : PortalRole.ReferralAdmin;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, found.Token.CreatedByUserId),
                new Claim(ClaimTypes.Role, role.ToString()),
                new Claim(PortalClaims.OrganisationId, found.Token.OrganisationId.ToString(CultureInfo.InvariantCulture)),
                new Claim(PortalClaims.OrganisationKind, found.Kind.Kind.ToString()),
                new Claim(PortalClaims.OrganisationName, found.Kind.Name),
                new Claim(PortalClaims.DisplayName, $"API: {found.Token.Name}"),
                new Claim(TokenIdClaim, found.Token.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ScopeClaim, found.Token.Scope.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            "Send a valid API token as Authorization: Bearer rp_….");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Not allowed", "This API token may only read.");
}

/// <summary>Token text: the <c>rp_</c> prefix and 256 random bits, hashed with the invitations' one rule.</summary>
public static class ApiTokens
{
    public static string New() => ApiToken.Prefix + InvitationTokens.New();

    /// <summary>The bearer token of an Authorization header when it looks like one of ours; null otherwise.</summary>
    public static string? FromHeader(string header)
    {
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[bearer.Length..].Trim();
        return token.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) && InvitationTokens.LooksValid(token[ApiToken.Prefix.Length..]) ? token : null;
    }

    public static string Hint(string token) => token[..(ApiToken.Prefix.Length + 4)] + "…";
}
