using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>Loads a deal for one of its action forms, refusing (with the domain's reason) when the action is not allowed now.</summary>
public sealed class DealActionQuery(ReferralsDbContext db, TimeProvider clock)
{
    /// <returns>The deal, or null when the user cannot see it (indistinguishable from a missing deal).</returns>
    /// <exception cref="NotAllowedException">The user sees the deal but may not take this action now.</exception>
    public async Task<Deal?> RunAsync(Actor actor, int id, DealAction action, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().Include(d => d.Customer).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null || !deal.IsVisibleTo(actor))
        {
            return null;
        }

        var whyNot = deal.WhyNot(action, actor, clock.GetUtcNow().UtcDateTime);
        return whyNot is null ? deal : throw new NotAllowedException(whyNot);
    }
}
