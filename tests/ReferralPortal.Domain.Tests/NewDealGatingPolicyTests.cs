using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests;

public sealed class NewDealGatingPolicyTests
{
    private static Solution Solution(int org, MarketplaceStatus marketplace, CoSellStatus coSell)
    {
        var s = new Solution(org, "Analytics Cloud", "Analytics for retail");
        s.SetProgrammeStatus(Actors.ProgrammeAdmin(), marketplace, coSell, false);
        return s;
    }

    [Fact]
    public void Check_for_referral_admin_with_published_co_sell_ready_solution_allows()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerAdmin(), [Solution(Actors.PartnerA, MarketplaceStatus.Published, CoSellStatus.CoSellReady)]);

        Assert.True(check.Allowed);
    }

    [Fact]
    public void Check_for_referral_user_names_the_admin_condition()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerUser(), [Solution(Actors.PartnerA, MarketplaceStatus.Published, CoSellStatus.CoSellReady)]);

        Assert.Equal([DealCreationPolicy.NotReferralAdmin], check.UnmetConditions);
    }

    [Theory]
    [InlineData(MarketplaceStatus.Published, CoSellStatus.NotReady)]
    [InlineData(MarketplaceStatus.Draft, CoSellStatus.CoSellReady)]
    public void Check_without_a_published_co_sell_ready_solution_names_the_solution_condition(MarketplaceStatus marketplace, CoSellStatus coSell)
    {
        var check = DealCreationPolicy.Check(Actors.PartnerAdmin(), [Solution(Actors.PartnerA, marketplace, coSell)]);

        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Fact]
    public void Check_ignores_another_partners_co_sell_ready_solution()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerAdmin(), [Solution(Actors.PartnerB, MarketplaceStatus.Published, CoSellStatus.CoSellReady)]);

        Assert.False(check.Allowed);
    }

    [Fact]
    public void Check_for_referral_user_without_a_solution_names_both_conditions()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerUser(), []);

        Assert.Equal([DealCreationPolicy.NotReferralAdmin, DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Fact]
    public void Check_for_a_vendor_user_refuses()
    {
        var check = DealCreationPolicy.Check(Actors.ProgrammeAdmin(), hasPublishedCoSellReadySolution: true);

        Assert.False(check.Allowed);
    }

    [Fact]
    public void Check_from_known_facts_agrees_with_the_solution_list()
    {
        Assert.Equal(
            DealCreationPolicy.Check(Actors.PartnerAdmin(), [Solution(Actors.PartnerA, MarketplaceStatus.Published, CoSellStatus.NotReady)]).UnmetConditions,
            DealCreationPolicy.Check(Actors.PartnerAdmin(), hasPublishedCoSellReadySolution: false).UnmetConditions);
    }

    [Fact]
    public void Add_draft_solution_by_referral_admin_starts_as_draft_not_co_sell_ready()
    {
        var s = Organisations.Solution.AddDraft(Actors.PartnerAdmin(), "Route Planner", "Routes");

        Assert.Equal((Actors.PartnerA, MarketplaceStatus.Draft, CoSellStatus.NotReady), (s.OrganisationId, s.MarketplaceStatus, s.CoSellStatus));
    }

    [Fact]
    public void Add_draft_solution_by_referral_user_is_not_allowed()
    {
        Assert.Throws<Common.NotAllowedException>(() => Organisations.Solution.AddDraft(Actors.PartnerUser(), "Route Planner", "Routes"));
    }

    [Fact]
    public void Edit_of_a_published_solution_is_refused()
    {
        var s = Solution(Actors.PartnerA, MarketplaceStatus.Published, CoSellStatus.CoSellReady);

        Assert.Throws<Common.DomainException>(() => s.Edit(Actors.PartnerAdmin(), "Renamed", "New text"));
    }
}
