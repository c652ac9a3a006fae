using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 3: New → Expired by the system once the review due date has passed, exactly once.</summary>
public sealed class ExpiryTests
{
    [Theory]
    [InlineData("outbound")]
    [InlineData("inbound")]
    public void Expire_after_the_review_due_date_gives_an_expired_deal(string direction)
    {
        var deal = direction == "inbound" ? new DealBuilder().Inbound().Build() : new DealBuilder().Build();

        deal.Expire(DealBuilder.AfterDue);

        Assert.Equal(DealStatus.Expired, deal.Status);
        Assert.Equal(DealBuilder.AfterDue, deal.DecidedAt);
    }

    [Fact]
    public void Expire_records_the_system_as_the_actor()
    {
        var deal = new DealBuilder().Build();

        deal.Expire(DealBuilder.AfterDue);

        var entry = deal.Activities.Last();
        Assert.Equal((ActivityKind.Expired, (string?)null, "System", (DealStatus?)DealStatus.New, (DealStatus?)DealStatus.Expired), (entry.Kind, entry.ActorUserId, entry.ActorName, entry.FromStatus, entry.ToStatus));
    }

    [Fact]
    public void Expire_exactly_at_the_review_due_date_is_allowed()
    {
        var deal = new DealBuilder().Build();

        deal.Expire(deal.ReviewDueAt!.Value);

        Assert.Equal(DealStatus.Expired, deal.Status);
    }

    [Fact]
    public void Expire_before_the_review_due_date_is_refused()
    {
        var deal = new DealBuilder().Build();

        Assert.Throws<DomainException>(() => deal.Expire(deal.ReviewDueAt!.Value.AddSeconds(-1)));
        Assert.Equal(DealStatus.New, deal.Status);
    }

    [Fact]
    public void Expire_of_an_accepted_deal_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.Expire(DealBuilder.AfterDue));
        Assert.Equal(DealStatus.Active, deal.Status);
    }

    [Fact]
    public void Expire_of_an_already_expired_deal_is_refused_so_it_happens_once()
    {
        var deal = new DealBuilder().Build();
        deal.Expire(DealBuilder.AfterDue);

        Assert.Throws<DomainException>(() => deal.Expire(DealBuilder.AfterDue.AddHours(1)));
        Assert.Single(deal.Activities, a => a.Kind == ActivityKind.Expired);
    }

    [Fact]
    public void Review_days_left_counts_whole_days_rounded_up_while_new()
    {
        var deal = new DealBuilder().Build();

        Assert.Equal(14, deal.ReviewDaysLeft(DealBuilder.Now));
        Assert.Equal(13, deal.ReviewDaysLeft(DealBuilder.Now.AddDays(1)));
        Assert.Equal(1, deal.ReviewDaysLeft(deal.ReviewDueAt!.Value.AddHours(-1)));
        Assert.Equal(0, deal.ReviewDaysLeft(DealBuilder.AfterDue));
    }

    [Fact]
    public void Review_days_left_is_null_once_the_deal_is_decided()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Null(deal.ReviewDaysLeft(DealBuilder.Later));
    }
}
