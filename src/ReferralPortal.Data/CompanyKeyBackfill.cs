using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Common;

namespace ReferralPortal.Data;

/// <summary>
/// Gives customers stored before issue 19 their <see cref="CompanyKey"/>: the key's rule (punctuation, legal forms)
/// is not expressible in portable SQL, so the start-up step computes it in the domain, a batch at a time, once.
/// </summary>
public static class CompanyKeyBackfill
{
    public static async Task<int> RunAsync(ReferralsDbContext db, CancellationToken ct = default)
    {
        var total = 0;
        var after = 0;
        while (true)
        {
            // Keyset over the ids: a name whose key stays empty (only punctuation) is passed, never read again.
            var batch = await db.Customers.Where(c => c.MatchKey == string.Empty && c.Id > after).OrderBy(c => c.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }

            foreach (var customer in batch)
            {
                customer.RefreshMatchKey();
            }

            after = batch[^1].Id;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
