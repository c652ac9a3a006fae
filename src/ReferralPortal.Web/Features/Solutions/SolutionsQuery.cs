using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Solutions;

public sealed record SolutionRow(int Id, string Name, string Description, string OrganisationName, MarketplaceStatus Marketplace, CoSellStatus CoSell, bool RegistrationEligible)
{
    /// <summary>The solution area (issue 19), null until the partner's admin sets one.</summary>
    public string? Area { get; init; }

    public int Version { get; init; }

    public bool IsDraft => Marketplace == MarketplaceStatus.Draft;
}

public sealed record SolutionsPage(IReadOnlyList<SolutionRow> Rows, bool CanAdd, bool CanSetProgrammeStatus, bool ShowOrganisation)
{
    /// <summary>The areas a partner's admin chooses from (<c>Programme:SolutionAreas</c>).</summary>
    public IReadOnlyList<string> Areas { get; init; } = [];
}

/// <summary>
/// Lists solutions as the tenant filter allows: a partner sees its own, the vendor sees every partner's
/// (the programme admin manages their programme status from here).
/// </summary>
public sealed class SolutionsQuery(ReferralsDbContext db, Microsoft.Extensions.Options.IOptions<ReferralPortal.Web.Infrastructure.ProgrammeOptions> programme)
{
    public async Task<SolutionsPage> RunAsync(Actor actor, CancellationToken ct)
    {
        var rows = await db.Solutions.AsNoTracking()
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s, o.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.s.Name)
            .Select(x => new SolutionRow(x.s.Id, x.s.Name, x.s.Description, x.Name, x.s.MarketplaceStatus, x.s.CoSellStatus, x.s.RegistrationEligible) { Area = x.s.Area, Version = x.s.Version })
            .ToListAsync(ct);
        return new SolutionsPage(rows, actor.IsPartnerAdmin, actor.IsProgrammeAdmin, actor.IsVendor) { Areas = programme.Value.OfferedSolutionAreas };
    }
}
