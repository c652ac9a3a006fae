using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Integration;

/// <summary>What an API token may do: read only, or read and change through the API.</summary>
public enum ApiTokenScope
{
    Read,
    ReadWrite,
}

public enum ApiTokenAction
{
    Create,
    Revoke,
}

/// <summary>
/// An organisation's API token (issue 15): it acts as the organisation with its admins' rights. Only the SHA-256 of
/// the secret is stored; the secret is shown once. Revocation applies at the token's next call.
/// </summary>
public class ApiToken
{
    public const string Prefix = "rp_";
    public const int NameMaxLength = 100;

    /// <summary>A token lives at most a year.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    private ApiToken()
    {
        Name = string.Empty;
        TokenHash = string.Empty;
        Hint = string.Empty;
        CreatedByUserId = string.Empty;
    }

    public int Id { get; private set; }

    public int OrganisationId { get; private set; }

    public string Name { get; private set; }

    public ApiTokenScope Scope { get; private set; }

    /// <summary>SHA-256 of the whole token text, hex.</summary>
    public string TokenHash { get; private set; }

    /// <summary>The token's first characters ("rp_AbC1…"), so people can tell their tokens apart.</summary>
    public string Hint { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>The admin who created it; API calls act in their name in activity logs.</summary>
    public string CreatedByUserId { get; private set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; private set; }

    public string? RevokedByUserId { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Whether a call with this token is accepted now.</summary>
    public bool IsUsable(DateTime now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Only an organisation's admins manage its tokens (a partner's referral admins, the vendor's programme admins).</summary>
    public static string? WhyNot(ApiTokenAction action, Actor actor, ApiToken? token)
    {
        if (!actor.IsPartnerAdmin && !actor.IsProgrammeAdmin)
        {
            return "Only your organisation's admins can manage API tokens.";
        }

        if (token is null)
        {
            return null;
        }

        if (!actor.BelongsTo(token.OrganisationId))
        {
            return "You do not have access to this API token.";
        }

        return action == ApiTokenAction.Revoke && token.IsRevoked ? "This API token is already revoked." : null;
    }

    /// <summary>An admin creates a token for their organisation, expiring within a year.</summary>
    public static ApiToken Create(Actor actor, string name, ApiTokenScope scope, DateTime expiresAt, string tokenHash, string hint, DateTime now)
    {
        Ensure(WhyNot(ApiTokenAction.Create, actor, null));
        if (expiresAt <= now || expiresAt > now + MaxLifetime)
        {
            throw new DomainException("Choose an expiry date within the next year.");
        }

        return new ApiToken
        {
            OrganisationId = actor.OrganisationId,
            Name = Guard.Text(name, "Name", 1, NameMaxLength),
            Scope = Enum.IsDefined(scope) ? scope : throw new DomainException("Choose a scope from the list."),
            TokenHash = tokenHash,
            Hint = hint,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            CreatedByUserId = actor.UserId,
        };
    }

    /// <summary>Revokes the token; its next call is refused.</summary>
    public void Revoke(Actor actor, DateTime now)
    {
        Ensure(WhyNot(ApiTokenAction.Revoke, actor, this));
        RevokedAt = now;
        RevokedByUserId = actor.UserId;
    }

    private static void Ensure(string? whyNot)
    {
        if (whyNot is not null)
        {
            throw new NotAllowedException(whyNot);
        }
    }
}

/// <summary>
/// The first answer to a POST made with an <c>Idempotency-Key</c>: the same key and body within 24 hours get it
/// again instead of a second deal.
/// </summary>
public class ApiIdempotencyRecord
{
    public const int KeyMaxLength = 200;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private ApiIdempotencyRecord()
    {
        Key = string.Empty;
        RequestHash = string.Empty;
        ResponseBody = string.Empty;
    }

    public ApiIdempotencyRecord(int organisationId, string key, string requestHash, int statusCode, string? location, string responseBody, DateTime now)
    {
        OrganisationId = organisationId;
        Key = key;
        RequestHash = requestHash;
        StatusCode = statusCode;
        Location = location;
        ResponseBody = responseBody;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public int OrganisationId { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 of the request body, hex.</summary>
    public string RequestHash { get; private set; }

    public int StatusCode { get; private set; }

    public string? Location { get; private set; }

    public string ResponseBody { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
