using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 3: Active private → New co-sell ("Upgrade to co-sell") by the owner's admin, with a new review window.</summary>
public sealed class UpgradeToCoSellTests
{
    private static readonly DateTime UpgradedAt = DealBuilder.Now.AddDays(30);

    [Fact]
    public void Upgrade_of_a_private_deal_by_the_owner_admin_gives_a_new_co_sell_deal()
    {
        var deal = new DealBuilder().Private().Build();

        deal.UpgradeToCoSell(Actors.PartnerAdmin(), UpgradedAt, DealBuilder.Window);

        Assert.Equal((DealStatus.New, DealType.CoSell), (deal.Status, deal.DealType));
    }

    [Fact]
    public void Upgrade_starts_a_new_review_window_from_the_moment_of_sharing()
    {
        var deal = new DealBuilder().Private().Build();

        deal.UpgradeToCoSell(Actors.PartnerAdmin(), UpgradedAt, DealBuilder.Window);

        Assert.Equal(UpgradedAt, deal.SharedAt);
        Assert.Equal(UpgradedAt.AddDays(14), deal.ReviewDueAt);
    }

    [Fact]
    public void Upgraded_deal_becomes_visible_to_the_vendor_and_awaits_its_decision()
    {
        var deal = new DealBuilder().Private().Build();

        deal.UpgradeToCoSell(Actors.PartnerAdmin(), UpgradedAt, DealBuilder.Window);

        Assert.Contains(DealAction.Accept, deal.AllowedActions(Actors.Reviewer(), UpgradedAt.AddDays(1)));
    }

    [Fact]
    public void Upgrade_records_the_move_from_active_to_new()
    {
        var deal = new DealBuilder().Private().Build();

        deal.UpgradeToCoSell(Actors.PartnerAdmin(), UpgradedAt, DealBuilder.Window);

        var entry = deal.Activities.Last();
        Assert.Equal((ActivityKind.UpgradedToCoSell, (DealStatus?)DealStatus.Active, (DealStatus?)DealStatus.New), (entry.Kind, entry.FromStatus, entry.ToStatus));
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    public void Upgrade_by_anyone_but_the_owner_admin_is_refused(string who)
    {
        var deal = new DealBuilder().Private().Build();

        Assert.Throws<NotAllowedException>(() => deal.UpgradeToCoSell(Actors.Named(who), UpgradedAt, DealBuilder.Window));
        Assert.Equal(DealType.Private, deal.DealType);
    }

    [Fact]
    public void Upgrade_of_a_co_sell_deal_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<NotAllowedException>(() => deal.UpgradeToCoSell(Actors.PartnerAdmin(), UpgradedAt, DealBuilder.Window));

        Assert.Equal("This deal is already co-sell.", error.Message);
    }

    [Theory]
    [InlineData(DealStatus.Won)]
    [InlineData(DealStatus.Lost)]
    [InlineData(DealStatus.ClosedAsError)]
    public void Upgrade_of_a_closed_private_deal_is_refused(DealStatus status)
    {
        var deal = new DealBuilder().Private().BuildIn(status);

        Assert.Throws<NotAllowedException>(() => deal.UpgradeToCoSell(Actors.PartnerAdmin(), UpgradedAt, DealBuilder.Window));
        Assert.Equal(status, deal.Status);
    }
}
