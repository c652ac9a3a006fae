using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Partners;

public sealed record PartnerRow(int Id, string Name, string Country, int ActiveUsers, int Deals, bool IsSuspended);

/// <summary>
/// The programme's partner organisations with their active users and deals. Deals are those the vendor sees (the
/// tenant filter's co-sell deals): a partner's private deals stay private even in a count.
/// </summary>
public sealed class PartnersQuery(ReferralsDbContext db)
{
    public async Task<IReadOnlyList<PartnerRow>> RunAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Partner)
            .OrderBy(o => o.Name)
            .Select(o => new PartnerRow(
                o.Id,
                o.Name,
                o.Country,
                db.Users.Count(u => u.OrganisationId == o.Id && u.DeactivatedAt == null),
                db.Deals.Count(d => d.OwnerOrganisationId == o.Id),
                o.SuspendedAt != null))
            .ToListAsync(ct);
}
