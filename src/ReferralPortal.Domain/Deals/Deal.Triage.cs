using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>The vendor's triage of a deal (issue 19): which reviewer works it.</summary>
public partial class Deal
{
    /// <summary>The vendor reviewer (or programme admin) the referral or registration is assigned to; null when unassigned.</summary>
    public string? AssignedReviewerId { get; private set; }

    public string? AssignedReviewerName { get; private set; }

    /// <summary>When the registration was last submitted: the Registrations tab lists the oldest first.</summary>
    public DateTime? RegistrationSubmittedAt { get; private set; }

    /// <summary>
    /// Whether the vendor has something to decide here: an outbound co-sell referral still New, or a registration
    /// awaiting its decision. Only then is a reviewer assigned.
    /// </summary>
    public bool AwaitsVendorDecision =>
        IsCoSell && ((Direction == DealDirection.Outbound && Status == DealStatus.New) || RegistrationStatus == RegistrationStatus.Submitted);

    private string? WhyNotAssignReviewer(Actor actor) =>
        !actor.IsVendorReviewer ? "Only vendor reviewers assign referrals to reviewers."
        : !AwaitsVendorDecision ? "Only a referral or registration awaiting the vendor's decision can be assigned." : null;

    private string? WhyNotWithdraw(Actor actor) =>
        !actor.IsVendorReviewer ? "Only vendor reviewers can withdraw a referral the vendor sent."
        : Direction != DealDirection.Inbound ? "Only a referral the vendor sent to a partner can be withdrawn."
        : Status != DealStatus.New ? "Only a new referral can be withdrawn." : null;

    /// <summary>
    /// A vendor reviewer withdraws an inbound referral the vendor sent while it is still New, with a reason: it closes as
    /// Withdrawn (terminal) and the partner's admins are told.
    /// </summary>
    public void Withdraw(Actor actor, string? reason, DateTime now)
    {
        Ensure(WhyNot(DealAction.Withdraw, actor, now));
        var text = Common.Guard.Text(reason, "Reason", 1, 1000);
        CloseComment = text;
        Move(DealStatus.Withdrawn, ActivityKind.Withdrawn, actor, now, text, null);
    }

    /// <summary>A reviewer or programme admin assigns the deal to a reviewer (themselves with "Assign to me"); an activity entry.</summary>
    public void AssignReviewer(Actor actor, string reviewerUserId, string reviewerName, DateTime now)
    {
        Ensure(WhyNot(DealAction.AssignReviewer, actor, now));
        if (string.IsNullOrWhiteSpace(reviewerUserId))
        {
            throw new Common.DomainException("Choose a reviewer from the list.");
        }

        if (reviewerUserId == AssignedReviewerId)
        {
            return;
        }

        var old = AssignedReviewerName;
        AssignedReviewerId = reviewerUserId;
        AssignedReviewerName = reviewerName;

        // Vendor-internal: the partner's "Last updated" stays as they know it.
        activities.Add(new DealActivity(ActivityKind.ReviewerAssigned, actor.UserId, actor.DisplayName, now, null, null, null, null).About(DealField.Reviewer, old, reviewerName));
    }
}
