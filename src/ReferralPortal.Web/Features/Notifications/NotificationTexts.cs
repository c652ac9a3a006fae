using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Notifications;

/// <summary>
/// Writes a notification's sentence from its stored message and facts, in the current UI culture: the list, the
/// bell and the e-mail all read it here, so a reader sees it in their language whenever it was stored.
/// </summary>
public static class NotificationTexts
{
    /// <summary>The sentence; a notification stored before messages were data shows the English it was stored with.</summary>
    public static string Render(NotificationMessage? message, NotificationArguments? facts, string? storedText, DateTime createdAt)
    {
        if (message is not { } m || facts is null)
        {
            return storedText ?? string.Empty;
        }

        var what = $"{facts.ReferralId} “{facts.DealName}”";
        var due = facts.DueAt is { } at ? Format.DateTime(at) : "—";
        return m switch
        {
            NotificationMessage.NewInboundReferral => SharedResource.Text("New inbound referral {0}: accept or decline by {1}.", what, due),
            NotificationMessage.NewCoSellReferral => SharedResource.Text("New co-sell referral {0} to review by {1}.", what, due),
            NotificationMessage.Accepted => SharedResource.Text("{0} was accepted.", what),
            NotificationMessage.Declined => SharedResource.Text("{0} was declined{1}", what, Because(facts.Reason)),
            NotificationMessage.Expired => SharedResource.Text("{0} expired: nobody decided within the review window.", what),
            NotificationMessage.Won => SharedResource.Text("{0} was marked won.", what),
            NotificationMessage.Lost => SharedResource.Text("{0} was marked lost{1}", what, Because(facts.Reason)),
            NotificationMessage.ClosedAsError => SharedResource.Text("{0} was closed as an error{1}", what, Because(facts.Reason)),
            NotificationMessage.RegistrationSubmitted => SharedResource.Text("The registration of {0} was submitted for your review.", what),
            NotificationMessage.RegistrationApproved => SharedResource.Text("The registration of {0} was approved.", what),
            NotificationMessage.RegistrationRejected => SharedResource.Text("The registration of {0} was rejected{1}", what, Because(facts.Reason)),
            NotificationMessage.ReviewReminder => SharedResource.Text(
                "{0} needs a decision: review {1} (due {2}).", what, Format.Countdown(ReviewCountdown.Of(DealStatus.New, facts.DueAt, createdAt)), due),
            NotificationMessage.NoteAdded => SharedResource.Text("{0}: new note from {1}.", what, facts.Author ?? string.Empty),
            NotificationMessage.Withdrawn => SharedResource.Text("{0} was withdrawn by the vendor{1}", what, Because(facts.Reason)),
            _ => storedText ?? string.Empty,
        };
    }

    /// <summary>The e-mail subject of a notification, in the current UI culture.</summary>
    public static string Subject(NotificationMessage message, string referralId) => message switch
    {
        NotificationMessage.NewInboundReferral => SharedResource.Text("New inbound referral {0}", referralId),
        NotificationMessage.NewCoSellReferral => SharedResource.Text("New co-sell referral to review: {0}", referralId),
        NotificationMessage.ReviewReminder => SharedResource.Text("Review due soon: {0}", referralId),
        NotificationMessage.RegistrationSubmitted => SharedResource.Text("Registration to review: {0}", referralId),
        NotificationMessage.RegistrationApproved or NotificationMessage.RegistrationRejected => SharedResource.Text("Registration decision: {0}", referralId),
        NotificationMessage.NoteAdded => SharedResource.Text("New note on referral {0}", referralId),
        _ => SharedResource.Text("Update on referral {0}", referralId),
    };

    // ": reason." after the sentence, or "." alone; a reason that already ends a sentence gets no second full stop.
    private static string Because(string? reason)
    {
        if (Format.Reason(reason) is not { Length: > 0 } words)
        {
            return ".";
        }

        var trimmed = words.TrimEnd();
        return ": " + trimmed + (trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') || trimmed.EndsWith('…') ? string.Empty : ".");
    }
}
