using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Domain.Organisations;

public enum OrganisationKind
{
    Partner,
    Vendor,
}

/// <summary>A partner company (a tenant) or the single vendor that runs the programme.</summary>
public class Organisation
{
    private Organisation()
    {
        Name = string.Empty;
        Country = string.Empty;
    }

    public Organisation(string name, OrganisationKind kind, string country)
    {
        Name = Guard.SingleLine(name, "Organisation name", 2, 200);
        Kind = kind;
        Country = Guard.Country(country);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public string Country { get; private set; }

    /// <summary>Whether this partner's referral users see all its deals (the default) or only those whose team they are on.</summary>
    public ReferralUserDealAccess ReferralUserDealAccess { get; private set; }

    /// <summary>Why the actor may not change this organisation's settings, or null when allowed.</summary>
    public string? WhyNotChangeSettings(Actor actor) =>
        Kind != OrganisationKind.Partner || !(actor.IsPartnerAdmin && actor.BelongsTo(Id))
            ? "Only the organisation's referral admins can change its settings."
            : null;

    /// <summary>A partner's referral admin decides which deals the organisation's referral users see.</summary>
    public void SetReferralUserDealAccess(Actor actor, ReferralUserDealAccess access)
    {
        if (WhyNotChangeSettings(actor) is { } why)
        {
            throw new NotAllowedException(why);
        }

        ReferralUserDealAccess = Guard.Listed(access, "Choose which deals referral users see from the list.");
    }
}
