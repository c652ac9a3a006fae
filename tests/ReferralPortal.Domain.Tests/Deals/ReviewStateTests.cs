using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>The query forms of "who decides" agree with <see cref="Deal.IsReceivingSide"/>, the rule the actions use.</summary>
public sealed class ReviewStateTests
{
    public static TheoryData<string, bool> Cases => new()
    {
        { "reviewer", false }, { "reviewer", true },
        { "programme", false }, { "programme", true },
        { "owner-admin", false }, { "owner-admin", true },
        { "owner-user", false }, { "owner-user", true },
        { "other-admin", false }, { "other-admin", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decided_by_selects_exactly_the_deals_this_actor_is_the_receiving_side_of(string who, bool inbound)
    {
        var builder = new DealBuilder();
        var deal = (inbound ? builder.Inbound() : builder).Build();
        var actor = Actor(who, deal);

        Assert.Equal(deal.IsReceivingSide(actor), ReviewState.DecidedBy(actor).Compile()(deal));
    }

    [Fact]
    public void A_referral_user_has_nothing_awaiting_their_decision_though_their_side_does()
    {
        var deal = new DealBuilder().Inbound().Build();
        var user = Actors.PartnerUser(deal.OwnerOrganisationId);

        Assert.False(ReviewState.DecidedBy(user).Compile()(deal));
        Assert.True(ReviewState.DecidedBySideOf(user).Compile()(deal));
    }

    private static Actor Actor(string who, Deal deal) => who switch
    {
        "reviewer" => Actors.Reviewer(),
        "programme" => Actors.ProgrammeAdmin(),
        "owner-admin" => Actors.PartnerAdmin(deal.OwnerOrganisationId),
        "owner-user" => Actors.PartnerUser(deal.OwnerOrganisationId),
        _ => Actors.PartnerAdmin(deal.OwnerOrganisationId + 1000),
    };
}
