using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.People;

public sealed class TeamRulesTests
{
    private static readonly TeamMember Colleague = new("user-1", Actors.PartnerA, PortalRole.ReferralUser, true);

    [Fact]
    public void Admin_may_change_role_and_deactivate_an_active_colleague()
    {
        var allowed = TeamRules.AllowedActions(Actors.PartnerAdmin(), Colleague, activeAdmins: 1);

        Assert.Equal([TeamAction.ChangeRole, TeamAction.Deactivate], allowed);
    }

    [Fact]
    public void Nobody_deactivates_themselves_even_with_other_admins()
    {
        var admin = Actors.PartnerAdmin();
        var self = new TeamMember(admin.UserId, admin.OrganisationId, PortalRole.ReferralAdmin, true);

        Assert.Equal("You cannot deactivate yourself; ask another admin.", TeamRules.WhyNot(TeamAction.Deactivate, admin, self, activeAdmins: 3));
    }

    [Fact]
    public void The_last_active_admin_cannot_be_deactivated()
    {
        var lastAdmin = new TeamMember("admin-2", Actors.PartnerA, PortalRole.ReferralAdmin, true);

        Assert.Equal(TeamRules.LastAdmin, TeamRules.WhyNot(TeamAction.Deactivate, Actors.PartnerAdmin(), lastAdmin, activeAdmins: 1));
    }

    [Fact]
    public void The_last_active_admin_cannot_step_down_to_a_user()
    {
        var admin = Actors.PartnerAdmin();
        var self = new TeamMember(admin.UserId, admin.OrganisationId, PortalRole.ReferralAdmin, true);

        Assert.Equal(TeamRules.LastAdmin, TeamRules.WhyNot(TeamAction.ChangeRole, admin, self, activeAdmins: 1, PortalRole.ReferralUser));
        Assert.Null(TeamRules.WhyNot(TeamAction.ChangeRole, admin, self, activeAdmins: 2, PortalRole.ReferralUser));
    }

    [Fact]
    public void A_partner_role_cannot_be_given_in_the_vendor_and_the_other_way_round()
    {
        var reviewer = new TeamMember("reviewer", Actors.Vendor, PortalRole.Reviewer, true);

        Assert.Equal("Choose a role from the list.", TeamRules.WhyNot(TeamAction.ChangeRole, Actors.ProgrammeAdmin(), reviewer, 1, PortalRole.ReferralAdmin));
        Assert.Equal("Choose a role from the list.", TeamRules.WhyNotInvite(Actors.PartnerAdmin(), Actors.PartnerA, PortalRole.ProgrammeAdmin));
        Assert.Null(TeamRules.WhyNotInvite(Actors.ProgrammeAdmin(), Actors.Vendor, PortalRole.Reviewer));
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void Only_the_organisations_own_admins_manage_its_team(string who)
    {
        var actor = Actors.Named(who);

        Assert.Equal("Only your organisation's admins can manage its team.", TeamRules.WhyNot(TeamAction.Deactivate, actor, Colleague, 1));
        Assert.Throws<NotAllowedException>(() => TeamRules.Ensure(TeamRules.WhyNotInvite(actor, Actors.PartnerA, PortalRole.ReferralUser)));
    }

    [Fact]
    public void A_deactivated_member_can_only_be_reactivated()
    {
        var gone = Colleague with { IsActive = false };

        Assert.Equal([TeamAction.Reactivate], TeamRules.AllowedActions(Actors.PartnerAdmin(), gone, 1));
    }
}
