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

    /// <summary>The vendor reviewer the deal is assigned to (issue 19): told of what its team is told.</summary>
    Assignee = 16,
}

/// <summary>What to tell whom about one change: the message and its facts, written in each reader's language when read.</summary>
public sealed record NotificationPlan(NotificationKind Kind, NotificationMessage Message, Audience Audience, NotificationArguments Arguments);

/// <summary>
/// SPEC 5 and issue 5: new referrals and submitted registrations go to the side that must decide; decisions go to
/// the other side and to the owner's admins; a note goes to the other side and the owner's admins. The person who
/// acted is never notified of their own action (the caller drops them).
/// </summary>
public static class NotificationRules
{
    /// <summary>The notification for a just-recorded activity of this deal, or null when nobody needs to hear of it.</summary>
    public static NotificationPlan? For(Deal deal, ActivityKind kind, string? reason)
    {
        const Audience decisionAudience = Audience.OwnerAdmins | Audience.Creator | Audience.Team | Audience.Assignee;
        var facts = Facts(deal) with { Reason = string.IsNullOrWhiteSpace(reason) ? null : reason };
        NotificationPlan Plan(NotificationKind k, NotificationMessage m, Audience a) => new(k, m, a, facts);
        return kind switch
        {
            ActivityKind.Created when deal.Direction == DealDirection.Inbound =>
                Plan(NotificationKind.NewInboundReferral, NotificationMessage.NewInboundReferral, Audience.OwnerAdmins),
            ActivityKind.Created or ActivityKind.UpgradedToCoSell when deal.IsCoSell && deal.Status == DealStatus.New =>
                Plan(NotificationKind.NewCoSellReferral, NotificationMessage.NewCoSellReferral, Audience.VendorReviewers),
            ActivityKind.Accepted => Plan(NotificationKind.DealDecision, NotificationMessage.Accepted, decisionAudience),
            ActivityKind.Declined => Plan(NotificationKind.DealDecision, NotificationMessage.Declined, decisionAudience),
            ActivityKind.Expired => Plan(NotificationKind.DealDecision, NotificationMessage.Expired, decisionAudience),
            ActivityKind.Won => Plan(NotificationKind.DealDecision, NotificationMessage.Won, decisionAudience),
            ActivityKind.Lost => Plan(NotificationKind.DealDecision, NotificationMessage.Lost, decisionAudience),
            ActivityKind.ClosedAsError => Plan(NotificationKind.DealDecision, NotificationMessage.ClosedAsError, decisionAudience),
            ActivityKind.Withdrawn => Plan(NotificationKind.DealDecision, NotificationMessage.Withdrawn, Audience.OwnerAdmins | Audience.Team),
            ActivityKind.RegistrationSubmitted =>
                Plan(NotificationKind.RegistrationSubmitted, NotificationMessage.RegistrationSubmitted, Audience.VendorReviewers),
            ActivityKind.RegistrationApproved => Plan(NotificationKind.RegistrationDecision, NotificationMessage.RegistrationApproved, decisionAudience),
            ActivityKind.RegistrationRejected => Plan(NotificationKind.RegistrationDecision, NotificationMessage.RegistrationRejected, decisionAudience),
            _ => null,
        };
    }

    /// <summary>
    /// A new note goes to the other side and to the owner's admins: a partner's note to the vendor (the reviewer who
    /// sent an inbound referral, every reviewer of an outbound co-sell one; nobody at the vendor for a private deal);
    /// a vendor's note to the owner's admins; and every note to the deal's team (SPEC 9). A note kept internal to the vendor is news to nobody outside it.
    /// </summary>
    public static NotificationPlan? ForNote(Deal deal, DealNote note)
    {
        var audience = note.VendorInternal ? Audience.None
            : deal.OwnerOrganisationId != note.AuthorOrganisationId ? Audience.OwnerAdmins
            : !deal.IsCoSell ? Audience.OwnerAdmins
            : deal.Direction == DealDirection.Inbound ? Audience.OwnerAdmins | Audience.Creator
            : Audience.OwnerAdmins | Audience.VendorReviewers;
        return audience == Audience.None ? null
            : new(NotificationKind.NoteAdded, NotificationMessage.NoteAdded, audience | Audience.Team | Audience.Assignee, Facts(deal) with { Author = note.AuthorName });
    }

    /// <summary>Whether the "3 days left" reminder is due for this deal now: <see cref="ReviewState.ReminderDue"/>, the rule the sweep queries.</summary>
    public static bool ReminderDue(Deal deal, DateTime now) => ReviewState.ReminderDue.Holds(deal, now);

    /// <summary>The reminder goes to the side that must still accept or decline.</summary>
    public static NotificationPlan Reminder(Deal deal) => new(
        NotificationKind.ReviewReminder,
        NotificationMessage.ReviewReminder,
        (deal.Direction == DealDirection.Outbound ? Audience.VendorReviewers : Audience.OwnerAdmins) | Audience.Team | Audience.Assignee,
        Facts(deal));

    private static NotificationArguments Facts(Deal deal) => new(deal.ReferralId, deal.Name, deal.ReviewDueAt);
}
