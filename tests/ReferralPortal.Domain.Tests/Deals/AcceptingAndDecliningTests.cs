using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 3: New → Active ("Accept") and New → Declined, by the receiving side, before the review due date.</summary>
public sealed class AcceptingAndDecliningTests
{
    private static readonly DateTime Later = DealBuilder.Later;

    private static Deal NewDeal(string direction) =>
        direction == "inbound" ? new DealBuilder().Inbound().Build() : new DealBuilder().Build();

    [Theory]
    [InlineData("outbound", "reviewer")]
    [InlineData("outbound", "programme-admin")]
    [InlineData("inbound", "owner-admin")]
    public void Accept_by_the_receiving_side_gives_an_active_deal(string direction, string who)
    {
        var deal = NewDeal(direction);

        deal.Accept(Actors.Named(who), Later);

        Assert.Equal(DealStatus.Active, deal.Status);
        Assert.Equal(Later, deal.DecidedAt);
    }

    [Fact]
    public void Accept_records_who_moved_the_deal_from_new_to_active()
    {
        var deal = NewDeal("outbound");
        var reviewer = Actors.Reviewer();

        deal.Accept(reviewer, Later);

        var entry = deal.Activities.Last();
        Assert.Equal((ActivityKind.Accepted, reviewer.UserId, Later, (DealStatus?)DealStatus.New, (DealStatus?)DealStatus.Active), (entry.Kind, entry.ActorUserId, entry.At, entry.FromStatus, entry.ToStatus));
    }

    [Theory]
    [InlineData("outbound", "owner-admin")]
    [InlineData("outbound", "owner-user")]
    [InlineData("outbound", "other-admin")]
    [InlineData("inbound", "reviewer")]
    [InlineData("inbound", "programme-admin")]
    [InlineData("inbound", "owner-user")]
    [InlineData("inbound", "other-admin")]
    public void Accept_by_anyone_but_the_receiving_side_is_refused(string direction, string who)
    {
        var deal = NewDeal(direction);

        Assert.Throws<NotAllowedException>(() => deal.Accept(Actors.Named(who), Later));
        Assert.Equal(DealStatus.New, deal.Status);
    }

    [Theory]
    [InlineData("outbound")]
    [InlineData("inbound")]
    public void Accept_after_the_review_due_date_is_refused(string direction)
    {
        var deal = NewDeal(direction);

        var error = Assert.Throws<NotAllowedException>(() => deal.Accept(DealBuilder.ReceivingSide(deal), DealBuilder.AfterDue));

        Assert.Equal("The review window has passed.", error.Message);
    }

    [Fact]
    public void Accept_exactly_at_the_review_due_date_is_refused()
    {
        var deal = NewDeal("outbound");

        Assert.Throws<NotAllowedException>(() => deal.Accept(Actors.Reviewer(), deal.ReviewDueAt!.Value));
    }

    [Fact]
    public void Accept_one_second_before_the_review_due_date_is_allowed()
    {
        var deal = NewDeal("outbound");

        deal.Accept(Actors.Reviewer(), deal.ReviewDueAt!.Value.AddSeconds(-1));

        Assert.Equal(DealStatus.Active, deal.Status);
    }

    [Fact]
    public void Accept_of_an_active_deal_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<NotAllowedException>(() => deal.Accept(Actors.Reviewer(), Later));

        Assert.Equal("Only a new referral can be accepted or declined.", error.Message);
    }

    [Fact]
    public void Accept_of_a_private_deal_is_refused()
    {
        var deal = new DealBuilder().Private().Build();

        Assert.Throws<NotAllowedException>(() => deal.Accept(Actors.Reviewer(), Later));
    }

    [Theory]
    [InlineData("outbound", "reviewer")]
    [InlineData("outbound", "programme-admin")]
    [InlineData("inbound", "owner-admin")]
    public void Decline_by_the_receiving_side_gives_a_declined_deal_with_the_reason(string direction, string who)
    {
        var deal = NewDeal(direction);

        deal.Decline(Actors.Named(who), CloseReason.TimelineTooShort, "  Go-live is next week.  ", Later);

        Assert.Equal((DealStatus.Declined, (CloseReason?)CloseReason.TimelineTooShort, "Go-live is next week."), (deal.Status, deal.CloseReason, deal.CloseComment));
        Assert.Equal(Later, deal.DecidedAt);
    }

    [Fact]
    public void Decline_without_a_comment_is_allowed()
    {
        var deal = NewDeal("outbound");

        deal.Decline(Actors.Reviewer(), CloseReason.NotACustomer, null, Later);

        Assert.Null(deal.CloseComment);
    }

    [Fact]
    public void Decline_records_the_reason_in_the_activity_log()
    {
        var deal = NewDeal("inbound");

        deal.Decline(Actors.PartnerAdmin(), CloseReason.AbuseSpamPhishing, "Spam", Later);

        var entry = deal.Activities.Last();
        Assert.Equal((ActivityKind.Declined, (DealStatus?)DealStatus.New, (DealStatus?)DealStatus.Declined, "AbuseSpamPhishing", "Spam"), (entry.Kind, entry.FromStatus, entry.ToStatus, entry.Reason, entry.Comment));
    }

    [Theory]
    [InlineData("outbound", "owner-admin")]
    [InlineData("outbound", "other-admin")]
    [InlineData("inbound", "reviewer")]
    [InlineData("inbound", "owner-user")]
    [InlineData("inbound", "other-admin")]
    public void Decline_by_anyone_but_the_receiving_side_is_refused(string direction, string who)
    {
        var deal = NewDeal(direction);

        Assert.Throws<NotAllowedException>(() => deal.Decline(Actors.Named(who), CloseReason.Other, null, Later));
        Assert.Equal(DealStatus.New, deal.Status);
    }

    [Theory]
    [InlineData("outbound")]
    [InlineData("inbound")]
    public void Decline_after_the_review_due_date_is_refused(string direction)
    {
        var deal = NewDeal(direction);

        Assert.Throws<NotAllowedException>(() => deal.Decline(DealBuilder.ReceivingSide(deal), CloseReason.Other, null, DealBuilder.AfterDue));
    }

    [Fact]
    public void Decline_of_an_active_deal_is_refused()
    {
        var deal = new DealBuilder().Inbound().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.Decline(Actors.PartnerAdmin(), CloseReason.Other, null, Later));
    }

    [Fact]
    public void Decline_with_a_comment_over_1000_characters_is_refused()
    {
        var deal = NewDeal("outbound");

        Assert.Throws<DomainException>(() => deal.Decline(Actors.Reviewer(), CloseReason.Other, new string('x', 1001), Later));
        Assert.Equal(DealStatus.New, deal.Status);
    }

    [Fact]
    public void Decline_with_a_reason_that_is_not_in_the_list_is_refused()
    {
        var deal = NewDeal("outbound");

        Assert.Throws<DomainException>(() => deal.Decline(Actors.Reviewer(), (CloseReason)99, null, Later));
        Assert.Equal(DealStatus.New, deal.Status);
    }
}
