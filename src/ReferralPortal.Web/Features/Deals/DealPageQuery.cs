using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Deals;

public sealed record DealPage(Deal Deal, string OwnerName, IReadOnlyList<DealAction> Actions, bool ShowContact, DateTime Now);

/// <summary>Loads one deal for its page. A deal the user may not see is indistinguishable from a missing one.</summary>
public sealed class DealPageQuery(ReferralsDbContext db, TimeProvider clock)
{
    public async Task<DealPage?> RunAsync(Actor actor, int id, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().AsSplitQuery()
            .Include(d => d.Customer)
            .Include(d => d.Solutions)
            .Include(d => d.Activities.OrderBy(a => a.At))
            .Include(d => d.NotesThread.OrderBy(n => n.At))
            .FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null || !deal.IsVisibleTo(actor))
        {
            return null;
        }

        var owner = await db.Organisations.Where(o => o.Id == deal.OwnerOrganisationId).Select(o => o.Name).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new DealPage(deal, owner, deal.AllowedActions(actor, now), deal.ContactVisibleTo(actor), now);
    }
}
