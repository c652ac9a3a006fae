using ReferralPortal.Domain.Common;

namespace ReferralPortal.Domain.Organisations;

public enum MarketplaceStatus
{
    Draft,
    Published,
}

public enum CoSellStatus
{
    NotReady,
    CoSellReady,
}

/// <summary>A partner's product or service offer that deals are attached to.</summary>
public class Solution
{
    private Solution()
    {
        Name = string.Empty;
        Description = string.Empty;
    }

    public Solution(int organisationId, string name, string description)
    {
        OrganisationId = organisationId;
        Name = Guard.SingleLine(name, "Solution name", 2, 200);
        Description = Guard.Text(description, "Description", 0, 1000);
        MarketplaceStatus = MarketplaceStatus.Draft;
        CoSellStatus = CoSellStatus.NotReady;
    }

    public int Id { get; private set; }

    public int OrganisationId { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    /// <summary>The solution area from the programme's list (<c>Programme:SolutionAreas</c>); null until the partner sets one.</summary>
    public string? Area { get; private set; }

    public MarketplaceStatus MarketplaceStatus { get; private set; }

    public CoSellStatus CoSellStatus { get; private set; }

    /// <summary>Only meaningful when co-sell ready (SPEC 2).</summary>
    public bool RegistrationEligible { get; private set; }

    public bool IsPublished => MarketplaceStatus == MarketplaceStatus.Published;

    public bool IsCoSellReady => CoSellStatus == CoSellStatus.CoSellReady;

    /// <summary>
    /// Optimistic concurrency token, bumped on every save by the data layer: the partner's edit and the programme
    /// admin's status change each apply only to the solution their page showed.
    /// </summary>
    public int Version { get; set; }

    /// <summary>A deal attached to this solution can be registered.</summary>
    public bool MakesDealsEligibleForRegistration => IsPublished && IsCoSellReady && RegistrationEligible;

    /// <summary>A partner's admin adds a solution; it starts as a marketplace draft that is not co-sell ready.</summary>
    public static Solution AddDraft(Actor actor, string name, string description)
    {
        if (!actor.IsPartnerAdmin)
        {
            throw new NotAllowedException("Only referral admins can add solutions.");
        }

        return new Solution(actor.OrganisationId, name, description);
    }

    /// <summary>
    /// The partner's admin edits name and description of a draft solution; once published, the listing
    /// is the programme's to manage, so a change would bypass its review.
    /// </summary>
    public void Edit(Actor actor, string name, string description)
    {
        if (!(actor.IsPartnerAdmin && actor.BelongsTo(OrganisationId)))
        {
            throw new NotAllowedException("Only your organisation's referral admins can edit its solutions.");
        }

        if (IsPublished)
        {
            throw new DomainException("Only draft solutions can be edited; a published solution is managed by the programme.");
        }

        Name = Guard.SingleLine(name, "Solution name", 2, 200);
        Description = Guard.Text(description, "Description", 0, 1000);
    }

    /// <summary>The programme admin sets the programme statuses; registration eligibility needs co-sell readiness.</summary>
    public void SetProgrammeStatus(Actor actor, MarketplaceStatus marketplace, CoSellStatus coSell, bool registrationEligible)
    {
        if (!actor.IsProgrammeAdmin)
        {
            throw new NotAllowedException("Only the programme admin can change a solution's programme status.");
        }

        MarketplaceStatus = marketplace;
        CoSellStatus = coSell;
        RegistrationEligible = registrationEligible && coSell == CoSellStatus.CoSellReady;
    }

    public const int AreaMaxLength = 100;

    /// <summary>
    /// The partner's admin sets the solution area, from the programme's list, in any marketplace status: it is how
    /// the vendor groups solutions (and finds channel conflicts), not part of the listing the programme reviews.
    /// </summary>
    public void SetArea(Actor actor, string? area, IReadOnlyCollection<string> offered)
    {
        if (!(actor.IsPartnerAdmin && actor.BelongsTo(OrganisationId)))
        {
            throw new NotAllowedException("Only your organisation's referral admins can edit its solutions.");
        }

        var chosen = string.IsNullOrWhiteSpace(area) ? null : offered.FirstOrDefault(a => string.Equals(a, area.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(area) && chosen is null)
        {
            throw new DomainException("Choose a solution area from the list.");
        }

        Area = chosen;
    }
}

/// <summary>The programme's default solution areas (issue 19); <c>Programme:SolutionAreas</c> replaces them.</summary>
public static class SolutionAreas
{
    public const string DataAndAi = "Data and AI";
    public const string Infrastructure = "Infrastructure";
    public const string DigitalAndAppInnovation = "Digital and app innovation";
    public const string ModernWork = "Modern work";
    public const string BusinessApplications = "Business applications";
    public const string Security = "Security";

    public static IReadOnlyList<string> Defaults { get; } = [DataAndAi, Infrastructure, DigitalAndAppInnovation, ModernWork, BusinessApplications, Security];
}
