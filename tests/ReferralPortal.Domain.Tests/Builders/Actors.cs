using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Tests.Builders;

/// <summary>Actors of the test world: two partners (1 and 2) and the vendor (9).</summary>
public static class Actors
{
    public const int PartnerA = 1;
    public const int PartnerB = 2;
    public const int Vendor = 9;

    public static Actor PartnerAdmin(int org = PartnerA) => new($"admin-{org}", "Partner Admin", org, OrganisationKind.Partner, PortalRole.ReferralAdmin);

    public static Actor PartnerUser(int org = PartnerA) => new($"user-{org}", "Partner User", org, OrganisationKind.Partner, PortalRole.ReferralUser);

    public static Actor Reviewer() => new("reviewer", "Vendor Reviewer", Vendor, OrganisationKind.Vendor, PortalRole.Reviewer);

    public static Actor ProgrammeAdmin() => new("programme", "Programme Admin", Vendor, OrganisationKind.Vendor, PortalRole.ProgrammeAdmin);

    /// <summary>
    /// The people around a deal owned by <see cref="PartnerA"/>, by a short name usable in <c>[InlineData]</c>:
    /// owner-admin, owner-user, other-admin, other-user, reviewer, programme-admin.
    /// </summary>
    public static Actor Named(string who) => who switch
    {
        "owner-admin" => PartnerAdmin(PartnerA),
        "owner-user" => PartnerUser(PartnerA),
        "other-admin" => PartnerAdmin(PartnerB),
        "other-user" => PartnerUser(PartnerB),
        "reviewer" => Reviewer(),
        "programme-admin" => ProgrammeAdmin(),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "Unknown test actor."),
    };
}
