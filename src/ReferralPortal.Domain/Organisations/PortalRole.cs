namespace ReferralPortal.Domain.Organisations;

/// <summary>The four roles of SPEC section 1. A user has exactly one.</summary>
public enum PortalRole
{
    ReferralAdmin,
    ReferralUser,
    Reviewer,
    ProgrammeAdmin,
}
