using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests;

public sealed class LifecycleNotificationRulesTests
{
    private static readonly DateTime Now = DealBuilder.Now;

    [Fact]
    public void Created_inbound_referral_goes_to_the_partners_admins()
    {
        var deal = new DealBuilder().Inbound().Build();

        var plan = NotificationRules.For(deal, ActivityKind.Created, null);

        Assert.Equal((NotificationKind.NewInboundReferral, Audience.OwnerAdmins), (plan!.Kind, plan.Audience));
    }

    [Fact]
    public void Created_outbound_co_sell_referral_goes_to_the_vendor_reviewers()
    {
        var deal = new DealBuilder().Build();

        var plan = NotificationRules.For(deal, ActivityKind.Created, null);

        Assert.Equal((NotificationKind.NewCoSellReferral, Audience.VendorReviewers), (plan!.Kind, plan.Audience));
    }

    [Fact]
    public void Created_private_deal_notifies_nobody()
    {
        var deal = new DealBuilder().Private().Build();

        Assert.Null(NotificationRules.For(deal, ActivityKind.Created, null));
    }

    [Fact]
    public void Decline_goes_to_the_owner_admins_the_creator_and_the_team_with_the_reason_in_words()
    {
        var deal = new DealBuilder().Build();
        deal.Decline(Actors.Reviewer(), CloseReason.TimelineTooShort, null, Now.AddHours(1));

        var plan = NotificationRules.For(deal, ActivityKind.Declined, deal.Activities.Last().Reason);

        Assert.Equal(Audience.OwnerAdmins | Audience.Creator | Audience.Team | Audience.Assignee, plan!.Audience);
        Assert.Equal((NotificationMessage.Declined, nameof(CloseReason.TimelineTooShort)), (plan.Message, plan.Arguments.Reason));
    }

    [Theory]
    [InlineData(11.5, true)]
    [InlineData(13.9, true)]
    [InlineData(10.9, false)]
    [InlineData(14.1, false)]
    public void Reminder_is_due_only_in_the_last_three_days_of_the_window(double daysAfterCreation, bool due)
    {
        var deal = new DealBuilder().Build();

        Assert.Equal(due, NotificationRules.ReminderDue(deal, Now.AddDays(daysAfterCreation)));
    }

    [Fact]
    public void Reminder_is_not_due_again_once_sent()
    {
        var deal = new DealBuilder().Build();
        deal.ReviewReminderSentAt = Now.AddDays(11);

        Assert.False(NotificationRules.ReminderDue(deal, Now.AddDays(12)));
    }

    [Fact]
    public void Reminder_for_inbound_referral_goes_to_the_partners_admins_and_the_team()
    {
        var deal = new DealBuilder().Inbound().Build();

        Assert.Equal(Audience.OwnerAdmins | Audience.Team | Audience.Assignee, NotificationRules.Reminder(deal).Audience);
    }

    [Theory]
    [InlineData(ActivityKind.Accepted)]
    [InlineData(ActivityKind.Won)]
    [InlineData(ActivityKind.Lost)]
    [InlineData(ActivityKind.Expired)]
    public void Decisions_reach_the_deal_team(ActivityKind kind)
    {
        var deal = new DealBuilder().Build();

        Assert.True(NotificationRules.For(deal, kind, null)!.Audience.HasFlag(Audience.Team));
    }

    [Fact]
    public void A_note_goes_to_the_team_with_its_author()
    {
        var deal = new DealBuilder().Build();
        var note = deal.AddNote(Actors.Reviewer(), "Customer call booked", false, Now.AddHours(1));

        var plan = NotificationRules.ForNote(deal, note);

        Assert.Equal((NotificationKind.NoteAdded, NotificationMessage.NoteAdded), (plan!.Kind, plan.Message));
        Assert.True(plan.Audience.HasFlag(Audience.Team));
        Assert.Equal("Vendor Reviewer", plan.Arguments.Author);
    }

    [Fact]
    public void A_note_the_vendor_keeps_internal_notifies_nobody()
    {
        var deal = new DealBuilder().Build();
        var note = deal.AddNote(Actors.Reviewer(), "Internal only", true, Now.AddHours(1));

        Assert.Null(NotificationRules.ForNote(deal, note));
    }
}
