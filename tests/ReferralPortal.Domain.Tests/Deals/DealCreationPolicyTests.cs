using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 5: New deal needs a referral admin of a partner with a published, co-sell ready solution.</summary>
public sealed class DealCreationPolicyTests
{
    private static readonly Solution Ready = DealBuilder.PublishedSolution(Actors.PartnerA);

    [Fact]
    public void Partner_admin_with_a_published_co_sell_ready_solution_is_allowed()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerAdmin(), [Ready]);

        Assert.True(check.Allowed);
        Assert.Empty(check.UnmetConditions);
    }

    [Fact]
    public void Referral_user_is_told_only_admins_create_deals()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerUser(), [Ready]);

        Assert.False(check.Allowed);
        Assert.Equal([DealCreationPolicy.NotReferralAdmin], check.UnmetConditions);
    }

    [Fact]
    public void Partner_admin_without_solutions_is_told_a_co_sell_ready_solution_is_missing()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerAdmin(), []);

        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Fact]
    public void Partner_admin_with_a_published_solution_that_is_not_co_sell_ready_is_refused()
    {
        var notReady = DealBuilder.PublishedSolution(Actors.PartnerA, coSellReady: false);

        var check = DealCreationPolicy.Check(Actors.PartnerAdmin(), [notReady]);

        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Fact]
    public void Partner_admin_with_a_co_sell_ready_solution_still_in_draft_is_refused()
    {
        var draft = new Solution(Actors.PartnerA, "Edge Gateway", "Draft listing");
        draft.SetProgrammeStatus(Actors.ProgrammeAdmin(), MarketplaceStatus.Draft, CoSellStatus.CoSellReady, false);

        var check = DealCreationPolicy.Check(Actors.PartnerAdmin(), [draft]);

        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Fact]
    public void Another_partners_co_sell_ready_solution_does_not_count()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerAdmin(), [DealBuilder.PublishedSolution(Actors.PartnerB)]);

        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Fact]
    public void Referral_user_without_a_co_sell_ready_solution_is_told_both_conditions()
    {
        var check = DealCreationPolicy.Check(Actors.PartnerUser(), []);

        Assert.Equal([DealCreationPolicy.NotReferralAdmin, DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void Vendor_user_is_refused_with_both_conditions(string who)
    {
        var check = DealCreationPolicy.Check(Actors.Named(who), [Ready]);

        Assert.Equal([DealCreationPolicy.NotReferralAdmin, DealCreationPolicy.NoCoSellReadySolution], check.UnmetConditions);
    }

    [Theory]
    [InlineData("owner-admin", true, true)]
    [InlineData("owner-admin", false, false)]
    [InlineData("owner-user", true, false)]
    [InlineData("reviewer", true, false)]
    public void Check_from_known_facts_gives_the_same_answer_as_from_solutions(string who, bool hasReadySolution, bool allowed)
    {
        var actor = Actors.Named(who);

        var fromFacts = DealCreationPolicy.Check(actor, hasReadySolution);
        var fromSolutions = DealCreationPolicy.Check(actor, hasReadySolution ? [Ready] : []);

        Assert.Equal(allowed, fromFacts.Allowed);
        Assert.Equal(fromSolutions.UnmetConditions, fromFacts.UnmetConditions);
    }
}
