using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests;

/// <summary>Issue 14: a partner's referral admins choose which deals its referral users see.</summary>
public sealed class OrganisationSettingsTests
{
    private static Organisation Partner()
    {
        var org = new Organisation("Northwind Traders", OrganisationKind.Partner, "PT");
        typeof(Organisation).GetProperty(nameof(Organisation.Id))!.SetValue(org, Actors.PartnerA);
        return org;
    }

    [Fact]
    public void A_new_organisation_lets_referral_users_see_all_its_deals()
    {
        Assert.Equal(ReferralUserDealAccess.AllDeals, Partner().ReferralUserDealAccess);
    }

    [Fact]
    public void The_partners_admin_limits_referral_users_to_their_teams()
    {
        var org = Partner();

        org.SetReferralUserDealAccess(Actors.PartnerAdmin(), ReferralUserDealAccess.TeamDealsOnly);

        Assert.Equal(ReferralUserDealAccess.TeamDealsOnly, org.ReferralUserDealAccess);
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("programme-admin")]
    public void Anyone_else_changing_the_setting_is_refused(string who)
    {
        var org = Partner();

        Assert.Throws<NotAllowedException>(() => org.SetReferralUserDealAccess(Actors.Named(who), ReferralUserDealAccess.TeamDealsOnly));
        Assert.Equal(ReferralUserDealAccess.AllDeals, org.ReferralUserDealAccess);
    }

    [Fact]
    public void A_value_outside_the_list_is_refused()
    {
        Assert.Throws<DomainException>(() => Partner().SetReferralUserDealAccess(Actors.PartnerAdmin(), (ReferralUserDealAccess)7));
    }
}
