using System.Linq.Expressions;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>The answer to "may this user create a deal?", with every unmet condition in words.</summary>
public sealed record DealCreationCheck(IReadOnlyList<string> UnmetConditions)
{
    public bool Allowed => UnmetConditions.Count == 0;
}

/// <summary>
/// SPEC 5: New deal needs a referral admin of a partner with a published, co-sell ready solution. One function,
/// <see cref="Check"/>, answers for the wizard's gate (every wizard request, and the New deal button) and for
/// <see cref="Deal.CreateOutbound"/>; <see cref="ReadySolutionOf"/> is the one definition of the solution that counts.
/// </summary>
public static class DealCreationPolicy
{
    public const string NotReferralAdmin = "Only referral admins can create deals.";
    public const string NoCoSellReadySolution = "Your organisation needs a published solution with co-sell ready status.";

    /// <summary>A solution that lets <paramref name="organisationId"/> create deals: its own, published and co-sell ready (a query can run it).</summary>
    public static Expression<Func<Solution, bool>> ReadySolutionOf(int organisationId) =>
        s => s.OrganisationId == organisationId
            && s.MarketplaceStatus == MarketplaceStatus.Published
            && s.CoSellStatus == CoSellStatus.CoSellReady;

    /// <summary>The rule, every unmet condition in words; the organisation's fact comes from <see cref="ReadySolutionOf"/>.</summary>
    public static DealCreationCheck Check(Actor actor, bool hasPublishedCoSellReadySolution)
    {
        var unmet = new List<string>();
        if (!actor.IsPartnerAdmin)
        {
            unmet.Add(NotReferralAdmin);
        }

        if (!actor.IsPartner || !hasPublishedCoSellReadySolution)
        {
            unmet.Add(NoCoSellReadySolution);
        }

        return new DealCreationCheck(unmet);
    }
}
