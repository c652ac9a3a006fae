using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 9 and issue 14: the deal team (at most 50 active users of the owner), its creator, and who manages it.</summary>
public sealed class DealTeamTests
{
    private static readonly DateTime Later = DealBuilder.Later;

    public static TeamCandidate Candidate(Actor actor, bool active = true) => new(actor.UserId, actor.DisplayName, actor.OrganisationId, active);

    private static TeamCandidate Person(int n, int org = Actors.PartnerA) => new($"person-{n}", $"Person {n}", org, true);

    [Fact]
    public void Creating_an_outbound_deal_puts_its_creator_on_the_team()
    {
        var deal = new DealBuilder().Build();

        Assert.Equal([Actors.PartnerAdmin().UserId], deal.Team.Select(m => m.UserId));
    }

    [Fact]
    public void Creating_an_inbound_referral_leaves_the_team_empty_as_its_creator_is_the_vendor()
    {
        var deal = new DealBuilder().Inbound().Build();

        Assert.Empty(deal.Team);
    }

    [Fact]
    public void Accepting_an_inbound_referral_puts_the_accepting_admin_on_the_team()
    {
        var deal = new DealBuilder().Inbound().Build();

        deal.Accept(Actors.PartnerAdmin(), Later);

        Assert.True(deal.IsOnTeam(Actors.PartnerAdmin().UserId));
        Assert.Equal(ActivityKind.Accepted, deal.Activities.Last().Kind);
    }

    [Fact]
    public void Adding_a_member_logs_who_was_added()
    {
        var deal = new DealBuilder().BuildActive();

        deal.AddTeamMember(Actors.PartnerAdmin(), Candidate(Actors.PartnerUser()), Later);

        Assert.True(deal.IsOnTeam(Actors.PartnerUser().UserId));
        var entry = deal.Activities.Last();
        Assert.Equal((ActivityKind.TeamMemberAdded, DealField.Team, "Partner User"), (entry.Kind, entry.Field!.Value, entry.NewValue!));
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    public void Adding_a_member_by_anyone_but_the_owner_admins_is_refused(string who)
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.AddTeamMember(Actors.Named(who), Person(1), Later));
        Assert.False(deal.IsOnTeam("person-1"));
    }

    [Fact]
    public void Adding_a_user_of_another_organisation_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<DomainException>(() => deal.AddTeamMember(Actors.PartnerAdmin(), Candidate(Actors.PartnerUser(Actors.PartnerB)), Later));

        Assert.Equal("Only users of the deal's organisation can join its team.", error.Message);
    }

    [Fact]
    public void Adding_an_inactive_user_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.AddTeamMember(Actors.PartnerAdmin(), Candidate(Actors.PartnerUser(), active: false), Later));
    }

    [Fact]
    public void Adding_someone_already_on_the_team_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.AddTeamMember(Actors.PartnerAdmin(), Candidate(Actors.PartnerAdmin()), Later));
        Assert.Single(deal.Team);
    }

    [Fact]
    public void Adding_a_fifty_first_member_is_refused()
    {
        var deal = new DealBuilder().BuildActive();
        for (var n = 2; n <= Deal.MaxTeamSize; n++)
        {
            deal.AddTeamMember(Actors.PartnerAdmin(), Person(n), Later);
        }

        var error = Assert.Throws<DomainException>(() => deal.AddTeamMember(Actors.PartnerAdmin(), Person(51), Later));

        Assert.Equal("A deal team can have at most 50 members.", error.Message);
        Assert.Equal(Deal.MaxTeamSize, deal.Team.Count);
    }

    [Fact]
    public void Changing_the_team_of_a_terminal_deal_is_refused()
    {
        var deal = new DealBuilder().BuildIn(DealStatus.Won);

        Assert.Throws<NotAllowedException>(() => deal.AddTeamMember(Actors.PartnerAdmin(), Person(1), Later));
    }

    [Fact]
    public void Removing_the_last_member_is_allowed_and_the_creator_leaving_is_recorded()
    {
        var deal = new DealBuilder().BuildActive();

        deal.RemoveTeamMember(Actors.PartnerAdmin(), Actors.PartnerAdmin().UserId, "Partner Admin", Later);

        Assert.Empty(deal.Team);
        var entry = deal.Activities.Last();
        Assert.Equal((ActivityKind.TeamMemberRemoved, "Partner Admin", true), (entry.Kind, entry.OldValue!, entry.CreatorLeft));
    }

    [Fact]
    public void Removing_a_member_who_is_not_the_creator_is_not_marked_as_the_creator_leaving()
    {
        var deal = new DealBuilder().BuildActive();
        deal.AddTeamMember(Actors.PartnerAdmin(), Candidate(Actors.PartnerUser()), Later);

        deal.RemoveTeamMember(Actors.PartnerAdmin(), Actors.PartnerUser().UserId, "Partner User", Later);

        Assert.False(deal.Activities.Last().CreatorLeft);
        Assert.False(deal.IsOnTeam(Actors.PartnerUser().UserId));
    }

    [Fact]
    public void Removing_someone_not_on_the_team_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.RemoveTeamMember(Actors.PartnerAdmin(), "nobody", "Nobody", Later));
    }

    [Theory]
    [InlineData(PortalRole.ReferralUser, ReferralUserDealAccess.TeamDealsOnly, true)]
    [InlineData(PortalRole.ReferralUser, ReferralUserDealAccess.AllDeals, false)]
    [InlineData(PortalRole.ReferralAdmin, ReferralUserDealAccess.TeamDealsOnly, false)]
    public void Team_only_visibility_applies_to_referral_users_of_an_organisation_that_chose_it(PortalRole role, ReferralUserDealAccess access, bool limited)
    {
        var actor = new Actor("u", "U", Actors.PartnerA, OrganisationKind.Partner, role);

        Assert.Equal(limited, DealVisibility.IsLimitedToTeam(actor, access));
    }

    [Fact]
    public void Vendor_users_are_never_limited_to_teams()
    {
        Assert.False(DealVisibility.IsLimitedToTeam(Actors.Reviewer(), ReferralUserDealAccess.TeamDealsOnly));
    }
}
