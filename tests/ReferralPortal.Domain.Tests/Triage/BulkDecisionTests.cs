using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Triage;

public sealed class BulkDecisionTests
{
    [Fact]
    public void Apply_to_several_deals_decides_each_on_its_own_and_reports_partial_success()
    {
        var fresh = new DealBuilder().Build();
        var decided = new DealBuilder().BuildActive();
        var inbound = new DealBuilder().Inbound().Build();

        var outcomes = new[] { fresh, decided, inbound }
            .Select(d => BulkDecision.Apply(d, BulkChoice.Accept, null, null, Actors.Reviewer(), DealBuilder.Later))
            .ToList();

        Assert.Equal([true, false, false], outcomes.Select(o => o.Applied));
        Assert.Equal(DealStatus.Active, fresh.Status);
        Assert.Equal("Only a new referral can be accepted or declined.", outcomes[1].Refusal);
        Assert.Equal("Only the partner's referral admins can accept or decline this referral.", outcomes[2].Refusal);
        Assert.Equal(DealStatus.New, inbound.Status);
    }

    [Fact]
    public void Apply_decline_with_one_reason_declines_with_that_reason()
    {
        var deal = new DealBuilder().Build();

        var outcome = BulkDecision.Apply(deal, BulkChoice.Decline, CloseReason.NotACustomer, "Bulk", Actors.Reviewer(), DealBuilder.Later);

        Assert.True(outcome.Applied);
        Assert.Equal(DealStatus.Declined, deal.Status);
        Assert.Equal(CloseReason.NotACustomer, deal.CloseReason);
    }

    [Fact]
    public void Apply_decline_without_a_reason_is_refused_and_changes_nothing()
    {
        var deal = new DealBuilder().Build();
        var activities = deal.Activities.Count;

        var outcome = BulkDecision.Apply(deal, BulkChoice.Decline, null, null, Actors.Reviewer(), DealBuilder.Later);

        Assert.False(outcome.Applied);
        Assert.Equal("Choose a reason from the list.", outcome.Refusal);
        Assert.Equal(DealStatus.New, deal.Status);
        Assert.Equal(activities, deal.Activities.Count);
    }

    [Fact]
    public void Apply_after_the_review_window_is_refused()
    {
        var deal = new DealBuilder().Build();

        var outcome = BulkDecision.Apply(deal, BulkChoice.Accept, null, null, Actors.Reviewer(), DealBuilder.AfterDue);

        Assert.False(outcome.Applied);
        Assert.Equal("The review window has passed.", outcome.Refusal);
    }

    [Fact]
    public void Apply_by_a_partner_is_refused() =>
        Assert.False(BulkDecision.Apply(new DealBuilder().Build(), BulkChoice.Accept, null, null, Actors.PartnerAdmin(Actors.PartnerB), DealBuilder.Later).Applied);
}

public sealed class WithdrawTests
{
    [Fact]
    public void Withdraw_of_a_new_inbound_referral_by_a_reviewer_closes_it_with_the_reason()
    {
        var deal = new DealBuilder().Inbound().Build();

        deal.Withdraw(Actors.Reviewer(), "Sent to the wrong partner", DealBuilder.Later);

        Assert.Equal(DealStatus.Withdrawn, deal.Status);
        Assert.True(deal.IsTerminal);
        var entry = deal.Activities.Last();
        Assert.Equal((ActivityKind.Withdrawn, "Sent to the wrong partner"), (entry.Kind, entry.Reason));
    }

    [Fact]
    public void Withdraw_goes_to_the_partners_admins() =>
        Assert.True(Notifications.NotificationRules.For(new DealBuilder().Inbound().Build(), ActivityKind.Withdrawn, "x")!.Audience.HasFlag(Notifications.Audience.OwnerAdmins));

    [Fact]
    public void Withdraw_of_an_outbound_referral_is_refused() =>
        Assert.Throws<Common.NotAllowedException>(() => new DealBuilder().Build().Withdraw(Actors.Reviewer(), "No", DealBuilder.Later));

    [Fact]
    public void Withdraw_of_an_accepted_inbound_referral_is_refused() =>
        Assert.Throws<Common.NotAllowedException>(() => new DealBuilder().Inbound().BuildActive().Withdraw(Actors.Reviewer(), "No", DealBuilder.Later));

    [Fact]
    public void Withdraw_by_the_partner_is_refused() =>
        Assert.Throws<Common.NotAllowedException>(() => new DealBuilder().Inbound().Build().Withdraw(Actors.PartnerAdmin(), "No", DealBuilder.Later));

    [Fact]
    public void Withdraw_without_a_reason_is_refused() =>
        Assert.Throws<Common.DomainException>(() => new DealBuilder().Inbound().Build().Withdraw(Actors.Reviewer(), " ", DealBuilder.Later));
}
