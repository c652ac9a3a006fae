using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>A solution the user may attach to a new deal, with what it means for co-sell and registration.</summary>
public sealed record SolutionChoice(int Id, string Name, bool CoSellReady, bool RegistrationEligible);

/// <summary>The signed-in partner's published solutions: the only ones a new deal may carry.</summary>
public interface IPartnerSolutions
{
    Task<IReadOnlyList<SolutionChoice>> PublishedAsync(CancellationToken ct);
}

public sealed class PartnerSolutions(ReferralsDbContext db, CurrentTenant current) : IPartnerSolutions
{
    private IReadOnlyList<SolutionChoice>? cached;

    public async Task<IReadOnlyList<SolutionChoice>> PublishedAsync(CancellationToken ct)
    {
        // The tenant filter already limits partners to their own solutions; the explicit organisation
        // test keeps a vendor user (who sees every solution) from getting any.
        var org = current.Actor.OrganisationId;
        return cached ??= await db.Solutions.AsNoTracking()
            .Where(s => s.OrganisationId == org && s.MarketplaceStatus == MarketplaceStatus.Published)
            .OrderBy(s => s.Name)
            .Select(s => new SolutionChoice(s.Id, s.Name, s.CoSellStatus == CoSellStatus.CoSellReady,
                s.CoSellStatus == CoSellStatus.CoSellReady && s.RegistrationEligible))
            .ToListAsync(ct);
    }
}
