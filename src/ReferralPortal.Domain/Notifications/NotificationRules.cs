using System.Globalization;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Domain.Notifications;

/// <summary>Groups of people a notification goes to; the web layer turns them into users.</summary>
[Flags]
public enum Audience
{
    None = 0,

    /// <summary>Every vendor user who reviews (reviewers and programme admins).</summary>
    VendorReviewers = 1,

    /// <summary>The referral admins of the partner that owns the deal.</summary>
    OwnerAdmins = 2,

    /// <summary>Whoever created the deal (a partner admin for outbound, a reviewer for inbound).</summary>
    Creator = 4,

    /// <summary>The deal's team (SPEC 9): told of its events.</summary>
    Team = 8,
}

/// <summary>What to tell whom about one change.</summary>
public sealed record NotificationPlan(NotificationKind Kind, Audience Audience, string Text);

/// <summary>
/// SPEC 5 and issue 5: new referrals go to the side that must decide; decisions go to the other side and
/// to the owner's admins. The person who acted is never notified of their own action (the caller drops them).
/// </summary>
public static class NotificationRules
{
    public const int ReminderDays = 3;

    /// <summary>The notification for a just-recorded activity of this deal, or null when nobody needs to hear of it.</summary>
    public static NotificationPlan? For(Deal deal, ActivityKind kind, string? reason)
    {
        var what = $"{deal.ReferralId} “{deal.Name}”";
        var because = string.IsNullOrWhiteSpace(reason) ? "." : $": {DealReasons.Describe(reason)}.";
        const Audience decisionAudience = Audience.OwnerAdmins | Audience.Creator | Audience.Team;
        return kind switch
        {
            ActivityKind.Created when deal.Direction == DealDirection.Inbound => new(NotificationKind.NewInboundReferral, Audience.OwnerAdmins,
                $"New inbound referral {what}: accept or decline by {Due(deal)}."),
            ActivityKind.Created or ActivityKind.UpgradedToCoSell when deal.IsCoSell && deal.Status == DealStatus.New => new(NotificationKind.NewCoSellReferral,
                Audience.VendorReviewers, $"New co-sell referral {what} to review by {Due(deal)}."),
            ActivityKind.Accepted => new(NotificationKind.DealDecision, decisionAudience, $"{what} was accepted."),
            ActivityKind.Declined => new(NotificationKind.DealDecision, decisionAudience, $"{what} was declined{because}"),
            ActivityKind.Expired => new(NotificationKind.DealDecision, decisionAudience, $"{what} expired: nobody decided within the review window."),
            ActivityKind.Won => new(NotificationKind.DealDecision, decisionAudience, $"{what} was marked won."),
            ActivityKind.Lost => new(NotificationKind.DealDecision, decisionAudience, $"{what} was marked lost{because}"),
            ActivityKind.ClosedAsError => new(NotificationKind.DealDecision, decisionAudience, $"{what} was closed as an error{because}"),
            ActivityKind.RegistrationApproved => new(NotificationKind.RegistrationDecision, decisionAudience, $"The registration of {what} was approved."),
            ActivityKind.RegistrationRejected => new(NotificationKind.RegistrationDecision, decisionAudience, $"The registration of {what} was rejected{because}"),
            _ => null,
        };
    }

    /// <summary>A note tells the deal's team; a note the vendor keeps internal tells nobody on the partner's side.</summary>
    public static NotificationPlan? ForNote(Deal deal, DealNote note) => note.VendorInternal
        ? null
        : new(NotificationKind.DealNote, Audience.Team, $"{note.AuthorName} added a note to {deal.ReferralId} “{deal.Name}”.");

    /// <summary>Whether the "3 days left" reminder is due for this deal now (once per review window).</summary>
    public static bool ReminderDue(Deal deal, DateTime now) =>
        deal.Status == DealStatus.New && deal.ReviewReminderSentAt is null && deal.ReviewDueAt is { } due
        && due > now && due - now <= TimeSpan.FromDays(ReminderDays);

    /// <summary>The reminder goes to the side that must still accept or decline.</summary>
    public static NotificationPlan Reminder(Deal deal, DateTime now) => new(
        NotificationKind.ReviewReminder,
        (deal.Direction == DealDirection.Outbound ? Audience.VendorReviewers : Audience.OwnerAdmins) | Audience.Team,
        $"{deal.ReferralId} “{deal.Name}” needs a decision: review {DaysLeftText(deal, now)} (due {Due(deal)}).");

    private static string DaysLeftText(Deal deal, DateTime now) => deal.ReviewDaysLeft(now) switch
    {
        null or 0 => "due today",
        1 => "1 day left",
        int n => $"{n} days left",
    };

    private static string Due(Deal deal) =>
        deal.ReviewDueAt?.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";
}
