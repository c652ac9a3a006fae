using Microsoft.EntityFrameworkCore;

namespace ReferralPortal.Web.Infrastructure;

public static class OptimisticSave
{
    /// <summary>
    /// Saves once; false when another request changed a row since it was read (its Version token moved): then nothing
    /// was saved and the context forgets what it tracked, so the caller can read the current state afresh.
    /// </summary>
    public static async Task<bool> TrySaveChangesAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
