using Microsoft.AspNetCore.Identity;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Data;

/// <summary>An Identity user that belongs to exactly one organisation and has one portal role.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public PortalRole Role { get; set; }

    /// <summary>
    /// The portal language the user chose last ("en", "pt-PT"), or null before any choice: e-mails are written in
    /// it, and signing in from another browser brings it along.
    /// </summary>
    public string? PreferredCulture { get; set; }

    /// <summary>When an admin deactivated the member: they cannot sign in and their sessions end. Null while active.</summary>
    public DateTime? DeactivatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }

    public bool IsActive => DeactivatedAt is null;
}
