using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 4: eligibility, submit by the owner's admin, approve/reject by a vendor reviewer, re-evaluation on upgrade.</summary>
public sealed class RegistrationTests
{
    private static readonly DateTime Later = DealBuilder.Now.AddDays(2);

    [Fact]
    public void Co_sell_deal_with_a_registration_eligible_solution_is_not_registered_yet()
    {
        var deal = new DealBuilder().Build();

        Assert.Equal(RegistrationStatus.NotRegistered, deal.RegistrationStatus);
    }

    [Fact]
    public void Inbound_deal_with_a_registration_eligible_solution_is_not_registered_yet()
    {
        var deal = new DealBuilder().Inbound().Build();

        Assert.Equal(RegistrationStatus.NotRegistered, deal.RegistrationStatus);
    }

    [Fact]
    public void Co_sell_deal_without_a_registration_eligible_solution_is_not_eligible()
    {
        var deal = new DealBuilder().WithoutEligibleSolution().Build();

        Assert.Equal(RegistrationStatus.NotEligible, deal.RegistrationStatus);
    }

    [Fact]
    public void Private_deal_with_a_registration_eligible_solution_is_not_eligible()
    {
        var deal = new DealBuilder().Private().Build();

        Assert.Equal(RegistrationStatus.NotEligible, deal.RegistrationStatus);
    }

    [Fact]
    public void Solution_marked_registration_eligible_without_co_sell_readiness_does_not_make_a_deal_eligible()
    {
        var notReady = DealBuilder.PublishedSolution(Actors.PartnerA, coSellReady: false, registrationEligible: true);

        var deal = Deal.CreateOutbound(Actors.PartnerAdmin(), DealBuilder.Customer(), null, DealBuilder.Details(DealBuilder.Now), [notReady], HelpWanted.None, true, DealBuilder.Now, DealBuilder.Window);

        Assert.Equal(RegistrationStatus.NotEligible, deal.RegistrationStatus);
    }

    [Fact]
    public void Submit_of_an_eligible_active_deal_by_the_owner_admin_gives_submitted()
    {
        var deal = new DealBuilder().BuildActive();

        deal.SubmitRegistration(Actors.PartnerAdmin(), Later);

        Assert.Equal(RegistrationStatus.Submitted, deal.RegistrationStatus);
        Assert.Equal(ActivityKind.RegistrationSubmitted, deal.Activities.Last().Kind);
    }

    [Fact]
    public void Submit_of_a_new_deal_awaiting_review_is_refused()
    {
        var deal = new DealBuilder().Build();

        var error = Assert.Throws<NotAllowedException>(() => deal.SubmitRegistration(Actors.PartnerAdmin(), Later));

        Assert.Equal("Only an active deal can be registered.", error.Message);
    }

    [Fact]
    public void Submit_of_a_deal_that_is_not_eligible_is_refused()
    {
        var deal = new DealBuilder().WithoutEligibleSolution().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.SubmitRegistration(Actors.PartnerAdmin(), Later));
        Assert.Equal(RegistrationStatus.NotEligible, deal.RegistrationStatus);
    }

    [Fact]
    public void Submit_of_a_private_deal_is_refused()
    {
        var deal = new DealBuilder().Private().Build();

        Assert.Throws<NotAllowedException>(() => deal.SubmitRegistration(Actors.PartnerAdmin(), Later));
    }

    [Fact]
    public void Submit_of_an_already_submitted_registration_is_refused()
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();

        Assert.Throws<NotAllowedException>(() => deal.SubmitRegistration(Actors.PartnerAdmin(), Later));
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    public void Submit_by_anyone_but_the_owner_admin_is_refused(string who)
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.SubmitRegistration(Actors.Named(who), Later));
        Assert.Equal(RegistrationStatus.NotRegistered, deal.RegistrationStatus);
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void Approve_of_a_submitted_registration_by_a_vendor_reviewer_gives_approved(string who)
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();

        deal.ApproveRegistration(Actors.Named(who), Later);

        Assert.Equal(RegistrationStatus.Approved, deal.RegistrationStatus);
        Assert.Equal(ActivityKind.RegistrationApproved, deal.Activities.Last().Kind);
    }

    [Theory]
    [InlineData("owner-admin")]
    [InlineData("owner-user")]
    public void Approve_by_the_partner_is_refused(string who)
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();

        Assert.Throws<NotAllowedException>(() => deal.ApproveRegistration(Actors.Named(who), Later));
        Assert.Equal(RegistrationStatus.Submitted, deal.RegistrationStatus);
    }

    [Fact]
    public void Approve_of_a_registration_that_was_not_submitted_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<NotAllowedException>(() => deal.ApproveRegistration(Actors.Reviewer(), Later));

        Assert.Equal("No registration is awaiting a decision.", error.Message);
    }

    [Fact]
    public void Reject_with_a_reason_gives_rejected_and_keeps_the_reason()
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();

        deal.RejectRegistration(Actors.Reviewer(), " Already registered by another partner ", Later);

        Assert.Equal((RegistrationStatus.Rejected, "Already registered by another partner"), (deal.RegistrationStatus, deal.RegistrationRejectionReason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Reject_without_a_reason_is_refused(string reason)
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();

        Assert.Throws<DomainException>(() => deal.RejectRegistration(Actors.Reviewer(), reason, Later));
        Assert.Equal(RegistrationStatus.Submitted, deal.RegistrationStatus);
    }

    [Fact]
    public void Reject_by_the_partner_is_refused()
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();

        Assert.Throws<NotAllowedException>(() => deal.RejectRegistration(Actors.PartnerAdmin(), "No", Later));
    }

    [Fact]
    public void Reject_of_an_approved_registration_is_refused()
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();
        deal.ApproveRegistration(Actors.Reviewer(), Later);

        Assert.Throws<NotAllowedException>(() => deal.RejectRegistration(Actors.Reviewer(), "Changed my mind", Later));
        Assert.Equal(RegistrationStatus.Approved, deal.RegistrationStatus);
    }

    [Fact]
    public void Upgrade_of_a_private_deal_with_an_eligible_solution_makes_it_eligible()
    {
        var deal = new DealBuilder().Private().Build();

        deal.UpgradeToCoSell(Actors.PartnerAdmin(), Later, DealBuilder.Window);

        Assert.Equal(RegistrationStatus.NotRegistered, deal.RegistrationStatus);
    }

    [Fact]
    public void Upgrade_of_a_private_deal_without_an_eligible_solution_leaves_it_not_eligible()
    {
        var deal = new DealBuilder().Private().WithoutEligibleSolution().Build();

        deal.UpgradeToCoSell(Actors.PartnerAdmin(), Later, DealBuilder.Window);

        Assert.Equal(RegistrationStatus.NotEligible, deal.RegistrationStatus);
    }

    [Fact]
    public void Edit_that_removes_the_only_eligible_solution_makes_the_deal_not_eligible()
    {
        var deal = new DealBuilder().BuildActive();
        var plain = DealBuilder.PublishedSolution(Actors.PartnerA, registrationEligible: false, id: 2);

        deal.Edit(Actors.PartnerAdmin(), DealBuilder.Details(DealBuilder.Now), null, [plain], Later);

        Assert.Equal(RegistrationStatus.NotEligible, deal.RegistrationStatus);
    }
}
