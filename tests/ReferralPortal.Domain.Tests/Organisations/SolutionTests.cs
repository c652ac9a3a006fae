using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Organisations;

public sealed class SolutionTests
{
    [Fact]
    public void Add_draft_solution_by_referral_admin_starts_as_draft_not_co_sell_ready()
    {
        var s = Solution.AddDraft(Actors.PartnerAdmin(), "Route Planner", "Routes");

        Assert.Equal((Actors.PartnerA, MarketplaceStatus.Draft, CoSellStatus.NotReady), (s.OrganisationId, s.MarketplaceStatus, s.CoSellStatus));
    }

    [Fact]
    public void Add_draft_solution_by_referral_user_is_not_allowed()
    {
        Assert.Throws<NotAllowedException>(() => Solution.AddDraft(Actors.PartnerUser(), "Route Planner", "Routes"));
    }

    [Fact]
    public void Edit_of_a_published_solution_is_refused()
    {
        var s = DealBuilder.PublishedSolution(Actors.PartnerA);

        Assert.Throws<DomainException>(() => s.Edit(Actors.PartnerAdmin(), "Renamed", "New text"));
    }
}
