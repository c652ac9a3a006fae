using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.People;

public enum InvitationState
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}

/// <summary>
/// A single-use invitation to join an organisation with a role. Only a hash of its link's token is stored, so the
/// database never holds a usable link; resending issues a new token and the old link stops working.
/// </summary>
public class Invitation
{
    private Invitation()
    {
        Email = string.Empty;
        TokenHash = string.Empty;
    }

    public Invitation(int organisationId, OrganisationKind kind, string email, PortalRole role, string tokenHash, DateTime now, TimeSpan validity, string? invitedByUserId, string? culture)
    {
        if (!TeamRules.RolesOf(kind).Contains(role))
        {
            throw new DomainException("Choose a role from the list.");
        }

        OrganisationId = organisationId;
        Email = Guard.Text(email, "Email", 3, 254).ToLowerInvariant();
        Role = role;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + validity;
        InvitedByUserId = invitedByUserId;
        Culture = culture;
    }

    public int Id { get; private set; }

    public int OrganisationId { get; private set; }

    /// <summary>The invited address, lower case.</summary>
    public string Email { get; private set; }

    public PortalRole Role { get; private set; }

    /// <summary>SHA-256 of the link's token, hex; the token itself is only ever in the e-mail and shown once.</summary>
    public string TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public string? InvitedByUserId { get; private set; }

    /// <summary>The inviter's language: the e-mail and the accept page start in it.</summary>
    public string? Culture { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public string? AcceptedUserId { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public int Version { get; private set; }

    public InvitationState StateAt(DateTime now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>An invitation not yet accepted or revoked (an expired one can still be resent).</summary>
    public bool IsOpen => AcceptedAt is null && RevokedAt is null;

    /// <summary>A new link replaces the old one, valid again for the whole period.</summary>
    public void Renew(string tokenHash, DateTime now, TimeSpan validity)
    {
        if (!IsOpen)
        {
            throw new DomainException("This invitation was already used or revoked.");
        }

        TokenHash = tokenHash;
        ExpiresAt = now + validity;
    }

    /// <summary>The link stops working; nothing else changes.</summary>
    public void Revoke(DateTime now)
    {
        if (!IsOpen)
        {
            throw new DomainException("This invitation was already used or revoked.");
        }

        RevokedAt = now;
    }

    /// <summary>The invited person accepted before the link expired; the link is used up.</summary>
    public void Accept(string userId, DateTime now)
    {
        if (StateAt(now) != InvitationState.Pending)
        {
            throw new DomainException("This invitation link is no longer valid.");
        }

        AcceptedAt = now;
        AcceptedUserId = userId;
    }
}
