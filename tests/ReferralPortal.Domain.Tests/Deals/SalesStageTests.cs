using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 9: Accepted 10 % … Won 100 %; any later stage or back one; Mark won completes the bar.</summary>
public sealed class SalesStageTests
{
    private static readonly DateTime Later = DealBuilder.Later;

    [Fact]
    public void Stages_carry_the_probabilities_of_the_spec()
    {
        Assert.Equal([10, 20, 40, 60, 80, 100], SalesStages.All.Select(SalesStages.Probability));
    }

    [Fact]
    public void Weighted_value_is_the_value_times_the_stage_probability()
    {
        Assert.Equal(75_000.30m, SalesStages.Weighted(125_000.50m, SalesStage.Proposed));
    }

    [Fact]
    public void Accepting_a_deal_starts_it_at_the_accepted_stage()
    {
        Assert.Equal(SalesStage.Accepted, new DealBuilder().BuildActive().Stage);
    }

    [Fact]
    public void A_private_deal_starts_at_the_accepted_stage()
    {
        Assert.Equal(SalesStage.Accepted, new DealBuilder().Private().Build().Stage);
    }

    [Fact]
    public void A_new_referral_has_no_stage_and_cannot_move()
    {
        var deal = new DealBuilder().Build();

        Assert.Null(deal.Stage);
        Assert.Throws<NotAllowedException>(() => deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Qualified, Later));
        Assert.Empty(deal.NextStages());
    }

    [Fact]
    public void Moving_to_any_later_stage_is_allowed_and_logged()
    {
        var deal = new DealBuilder().BuildActive();

        deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Proposed, Later);

        Assert.Equal(SalesStage.Proposed, deal.Stage);
        var entry = deal.Activities.Last();
        Assert.Equal((ActivityKind.StageChanged, DealField.Stage, "Accepted", "Proposed"), (entry.Kind, entry.Field!.Value, entry.OldValue!, entry.NewValue!));
    }

    [Fact]
    public void Moving_back_one_stage_is_allowed()
    {
        var deal = new DealBuilder().BuildActive();
        deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Proposed, Later);

        deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Developed, Later);

        Assert.Equal(SalesStage.Developed, deal.Stage);
    }

    [Fact]
    public void Moving_back_two_stages_is_refused()
    {
        var deal = new DealBuilder().BuildActive();
        deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Proposed, Later);

        var error = Assert.Throws<DomainException>(() => deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Qualified, Later));

        Assert.Equal("A deal moves to any later stage or back one stage.", error.Message);
        Assert.Equal(SalesStage.Proposed, deal.Stage);
    }

    [Fact]
    public void Moving_to_the_current_stage_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Accepted, Later));
    }

    [Fact]
    public void Moving_to_won_is_refused_in_favour_of_mark_won()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<DomainException>(() => deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Won, Later));

        Assert.Equal("Mark the deal won to complete the sales stages.", error.Message);
    }

    [Fact]
    public void Next_stages_are_the_later_ones_before_won_and_the_one_before()
    {
        var deal = new DealBuilder().BuildActive();
        deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Developed, Later);

        Assert.Equal([SalesStage.Qualified, SalesStage.Proposed, SalesStage.Negotiated], deal.NextStages());
    }

    [Theory]
    [InlineData(SalesStage.Accepted)]
    [InlineData(SalesStage.Negotiated)]
    public void Mark_won_from_any_stage_completes_the_stages(SalesStage from)
    {
        var deal = new DealBuilder().BuildActive();
        if (from != SalesStage.Accepted)
        {
            deal.MoveStage(Actors.PartnerAdmin(), from, Later);
        }

        deal.MarkWon(Actors.PartnerAdmin(), Later);

        Assert.Equal(SalesStage.Won, deal.Stage);
    }

    [Fact]
    public void A_team_member_who_is_a_referral_user_moves_the_stage()
    {
        var deal = new DealBuilder().BuildActive();
        deal.AddTeamMember(Actors.PartnerAdmin(), DealTeamTests.Candidate(Actors.PartnerUser()), Later);

        deal.MoveStage(Actors.PartnerUser(), SalesStage.Qualified, Later);

        Assert.Equal(SalesStage.Qualified, deal.Stage);
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    public void Moving_the_stage_by_someone_outside_the_owner_admins_and_the_team_is_refused(string who)
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.MoveStage(Actors.Named(who), SalesStage.Qualified, Later));
        Assert.Equal(SalesStage.Accepted, deal.Stage);
    }

    [Fact]
    public void Moving_the_stage_of_a_lost_deal_is_refused()
    {
        var deal = new DealBuilder().BuildIn(DealStatus.Lost);

        Assert.Throws<NotAllowedException>(() => deal.MoveStage(Actors.PartnerAdmin(), SalesStage.Qualified, Later));
    }
}
