namespace ReferralPortal.Domain.Organisations;

/// <summary>Who is asking: the signed-in user, their organisation and role.</summary>
public sealed record Actor(string UserId, string DisplayName, int OrganisationId, OrganisationKind OrganisationKind, PortalRole Role)
{
    public bool IsVendor => OrganisationKind == OrganisationKind.Vendor;

    public bool IsPartner => OrganisationKind == OrganisationKind.Partner;

    /// <summary>A partner's referral admin.</summary>
    public bool IsPartnerAdmin => IsPartner && Role == PortalRole.ReferralAdmin;

    /// <summary>A vendor user who may review (reviewers and programme admins).</summary>
    public bool IsVendorReviewer => IsVendor && Role is PortalRole.Reviewer or PortalRole.ProgrammeAdmin;

    public bool IsProgrammeAdmin => IsVendor && Role == PortalRole.ProgrammeAdmin;

    public bool BelongsTo(int organisationId) => OrganisationId == organisationId;
}
