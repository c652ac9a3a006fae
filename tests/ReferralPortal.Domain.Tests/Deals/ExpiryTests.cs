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

    [Theory]
    [InlineData(0, 14)]
    [InlineData(24, 13)]
    [InlineData(14 * 24 - 28, 1)] // about 28 hours left: one whole day, not two
    [InlineData(14 * 24 - 47, 1)]
    public void Review_countdown_counts_whole_days_remaining_rounded_down(int hoursAfterCreation, int daysLeft)
    {
        var deal = new DealBuilder().Build();

        var countdown = deal.ReviewCountdownAt(DealBuilder.Now.AddHours(hoursAfterCreation))!.Value;

        Assert.Equal((daysLeft, false, false), (countdown.DaysLeft, countdown.IsOverdue, countdown.IsDueToday));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(23 * 60 + 59)]
    public void Review_countdown_is_due_today_with_less_than_24_hours_left(int minutesLeft)
    {
        var deal = new DealBuilder().Build();

        var countdown = deal.ReviewCountdownAt(deal.ReviewDueAt!.Value.AddMinutes(-minutesLeft))!.Value;

        Assert.True(countdown.IsDueToday);
        Assert.False(countdown.IsOverdue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60 * 24 * 2)]
    public void Review_countdown_is_overdue_from_the_due_time_while_still_new(int minutesPast)
    {
        var deal = new DealBuilder().Build();

        var countdown = deal.ReviewCountdownAt(deal.ReviewDueAt!.Value.AddMinutes(minutesPast))!.Value;

        Assert.True(countdown.IsOverdue);
        Assert.False(countdown.IsDueToday);
    }

    [Theory]
    [InlineData(14 * 24 - 72, true)]
    [InlineData(14 * 24 - 73, false)]
    public void Review_countdown_is_due_soon_with_at_most_three_days_left(int hoursAfterCreation, bool soon)
    {
        var deal = new DealBuilder().Build();

        Assert.Equal(soon, deal.ReviewCountdownAt(DealBuilder.Now.AddHours(hoursAfterCreation))!.Value.IsDueSoon);
        Assert.Equal(soon, ReviewState.DueSoon.Holds(deal, DealBuilder.Now.AddHours(hoursAfterCreation)));
    }

    [Fact]
    public void Review_countdown_is_null_once_the_deal_is_decided()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Null(deal.ReviewCountdownAt(DealBuilder.Later));
    }
}
