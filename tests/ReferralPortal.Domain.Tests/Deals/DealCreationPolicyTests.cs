using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>
/// SPEC 5: New deal needs a referral admin of a partner with a published, co-sell ready solution. The one rule
/// (<see cref="DealCreationPolicy.Check"/>, with <see cref="DealCreationPolicy.ReadySolutionOf"/> choosing the
/// solutions that count) as the wizard's gate asks it, and as <see cref="Deal.CreateOutbound"/> enforces it.
/// </summary>
public sealed class DealCreationPolicyTests
{
    private static readonly Solution Ready = DealBuilder.PublishedSolution(Actors.PartnerA);

    // As the wizard's gate asks: does the organisation have a solution the predicate accepts?
    private static DealCreationCheck Check(Actor actor, params Solution[] organisationSolutions) =>
        DealCreationPolicy.Check(actor, organisationSolutions.AsQueryable().Any(DealCreationPolicy.ReadySolutionOf(actor.OrganisationId)));

    private static Solution WithStatus(MarketplaceStatus marketplace, CoSellStatus coSell)
    {
        var s = new Solution(Actors.PartnerA, "Edge Gateway", "Listing");
        s.SetProgrammeStatus(Actors.ProgrammeAdmin(), marketplace, coSell, false);
        return s;
    }

    [Fact]
    public void Partner_admin_with_a_published_co_sell_ready_solution_is_allowed()
    {
        var check = Check(Actors.PartnerAdmin(), Ready);

        Assert.True(check.Allowed);
        Assert.Empty(check.UnmetConditions);
    }

    [Fact]
    public void Referral_user_is_told_only_admins_create_deals()
    {
        var check = Check(Actors.PartnerUser(), Ready);

        Assert.False(check.Allowed);
        Assert.Equal([DealCreationPolicy.NotReferralAdmin], check.UnmetConditions);
    }

    [Fact]
    public void Partner_admin_without_solutions_is_told_a_co_sell_ready_solution_is_missing()
    {
        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], Check(Actors.PartnerAdmin()).UnmetConditions);
    }

    [Theory]
    [InlineData(MarketplaceStatus.Published, CoSellStatus.NotReady)]
    [InlineData(MarketplaceStatus.Draft, CoSellStatus.CoSellReady)]
    public void Partner_admin_whose_solution_is_not_both_published_and_co_sell_ready_is_refused(MarketplaceStatus marketplace, CoSellStatus coSell)
    {
        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], Check(Actors.PartnerAdmin(), WithStatus(marketplace, coSell)).UnmetConditions);
    }

    [Fact]
    public void Another_partners_co_sell_ready_solution_does_not_count()
    {
        var check = Check(Actors.PartnerAdmin(), DealBuilder.PublishedSolution(Actors.PartnerB));

        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Fact]
    public void Referral_user_without_a_co_sell_ready_solution_is_told_both_conditions()
    {
        Assert.Equal([DealCreationPolicy.NotReferralAdmin, DealCreationPolicy.NoCoSellReadySolution], Check(Actors.PartnerUser()).UnmetConditions);
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void Vendor_user_is_refused_with_both_conditions_even_when_told_a_solution_is_ready(string who)
    {
        var check = DealCreationPolicy.Check(Actors.Named(who), hasPublishedCoSellReadySolution: true);

        Assert.Equal([DealCreationPolicy.NotReferralAdmin, DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void CreateOutbound_by_anyone_but_a_partner_admin_is_refused_with_the_policys_reason(string who)
    {
        var actor = Actors.Named(who);

        var error = Assert.Throws<NotAllowedException>(() => Deal.CreateOutbound(actor, DealBuilder.Customer(), null, DealBuilder.Details(DealBuilder.Now), [Ready], HelpWanted.None, true, DealBuilder.Now, DealBuilder.Window));

        Assert.Equal(DealCreationPolicy.Check(actor, hasPublishedCoSellReadySolution: true).UnmetConditions[0], error.Message);
    }
}
