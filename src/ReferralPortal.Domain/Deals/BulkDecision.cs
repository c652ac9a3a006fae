using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>What a reviewer chose for the selected referrals on Shared with us.</summary>
public enum BulkChoice
{
    Accept,
    Decline,
}

/// <summary>What became of one deal of a bulk decision: applied, or refused with the reason (a translatable template).</summary>
public sealed record BulkOutcome(int DealId, bool Applied, string? Refusal, IReadOnlyList<object> RefusalArgs)
{
    public static BulkOutcome Done(int dealId) => new(dealId, true, null, []);

    public static BulkOutcome Refused(int dealId, string why, params object[] args) => new(dealId, false, why, args);
}

/// <summary>
/// Bulk decisions (issue 19): every selected deal is decided on its own, by the same rule and method as the single
/// decision (<see cref="Deal.Accept"/>, <see cref="Deal.Decline"/>). A deal the reviewer may not decide is refused
/// with the reason and left exactly as it was; the others are decided all the same.
/// </summary>
public static class BulkDecision
{
    public const int MaxDeals = 100;

    /// <summary>Applies the choice to one deal; a refusal changes nothing on it.</summary>
    public static BulkOutcome Apply(Deal deal, BulkChoice choice, CloseReason? reason, string? comment, Actor actor, DateTime now)
    {
        var action = choice == BulkChoice.Accept ? DealAction.Accept : DealAction.Decline;
        if (deal.WhyNot(action, actor, now) is { } why)
        {
            return BulkOutcome.Refused(deal.Id, why);
        }

        try
        {
            if (choice == BulkChoice.Accept)
            {
                deal.Accept(actor, now);
            }
            else
            {
                // Checked before the deal changes: Decline validates the reason and the comment before it assigns anything.
                deal.Decline(actor, reason ?? throw new DomainException("Choose a reason from the list."), comment, now);
            }

            return BulkOutcome.Done(deal.Id);
        }
        catch (DomainException refused)
        {
            return BulkOutcome.Refused(deal.Id, refused.Template, [.. refused.Args]);
        }
    }
}
