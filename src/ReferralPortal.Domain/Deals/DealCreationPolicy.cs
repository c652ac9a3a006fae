using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>The answer to "may this user create a deal?", with every unmet condition in words.</summary>
public sealed record DealCreationCheck(IReadOnlyList<string> UnmetConditions)
{
    public bool Allowed => UnmetConditions.Count == 0;
}

/// <summary>SPEC 5: New deal needs a referral admin of a partner with a published, co-sell ready solution.</summary>
public static class DealCreationPolicy
{
    public const string NotReferralAdmin = "Only referral admins can create deals.";
    public const string NoCoSellReadySolution = "Your organisation needs a published solution with co-sell ready status.";

    /// <summary>Checks the rule against the organisation's solutions (others' solutions are ignored).</summary>
    public static DealCreationCheck Check(Actor actor, IEnumerable<Solution> organisationSolutions) =>
        Check(actor, organisationSolutions.Any(s => s.OrganisationId == actor.OrganisationId && s.IsPublished && s.IsCoSellReady));

    /// <summary>The rule itself, from already-known facts (the wizard's gate asks the database whether such a solution exists).</summary>
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
