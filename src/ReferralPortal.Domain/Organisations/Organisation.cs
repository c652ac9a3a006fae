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
        Ensure(WhyNotChangeSettings(actor));

        ReferralUserDealAccess = Guard.Listed(access, "Choose which deals referral users see from the list.");
    }

    /// <summary>When the programme suspended this partner; its users cannot sign in meanwhile. Null while active.</summary>
    public DateTime? SuspendedAt { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>A programme admin onboards a new partner organisation.</summary>
    public static Organisation Onboard(Actor actor, string name, string country)
    {
        if (!actor.IsProgrammeAdmin)
        {
            throw new NotAllowedException("Only programme admins can onboard and suspend partners.");
        }

        return new Organisation(name, OrganisationKind.Partner, country);
    }

    /// <summary>Why the actor may not suspend (or reactivate) this organisation now, or null when allowed.</summary>
    public string? WhyNotSuspend(Actor actor, bool suspend) =>
        !actor.IsProgrammeAdmin ? "Only programme admins can onboard and suspend partners."
        : Kind != OrganisationKind.Partner ? "Only partner organisations can be suspended."
        : suspend && IsSuspended ? "This partner is already suspended."
        : !suspend && !IsSuspended ? "This partner is active."
        : null;

    /// <summary>A programme admin suspends a partner: its users cannot sign in; nothing of its data changes.</summary>
    public void Suspend(Actor actor, DateTime now)
    {
        Ensure(WhyNotSuspend(actor, true));
        SuspendedAt = now;
    }

    /// <summary>A programme admin lets a suspended partner's users in again.</summary>
    public void Reactivate(Actor actor)
    {
        Ensure(WhyNotSuspend(actor, false));
        SuspendedAt = null;
    }

    private static void Ensure(string? whyNot)
    {
        if (whyNot is not null)
        {
            throw new NotAllowedException(whyNot);
        }
    }
}
