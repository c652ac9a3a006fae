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
}
