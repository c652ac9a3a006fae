using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralPortal.Data;

/// <summary>A piece of start-up work that has been done on this database, so no later start does it again.</summary>
public class CompletedStartupWork
{
    public CompletedStartupWork(string name, DateTime completedAt)
    {
        Name = name;
        CompletedAt = completedAt;
    }

    public string Name { get; private set; }

    public DateTime CompletedAt { get; private set; }
}

/// <summary>
/// Data work that cannot be a migration (its rule lives in the domain, not in portable SQL) but must be done once
/// per database, as a migration would be: the first start that finds no record does it and records it, every later
/// start reads one row of <c>CompletedStartupWork</c> and nothing else. The work must be idempotent: two instances
/// starting at once may both do it, and the second record is then refused by the key and ignored.
/// </summary>
public static class StartupWork
{
    /// <summary>Customers stored before issue 19 get their <c>MatchKey</c> (<see cref="CompanyKeyBackfill"/>).</summary>
    public const string CompanyKeys = "CompanyKeyBackfill";

    /// <summary>A database with deals but no Insights rollups (written before they existed) gets them counted.</summary>
    public const string DealRollups = "DealRollupRecount";

    /// <summary>Runs <paramref name="work"/> unless this database records it as done; true when it ran.</summary>
    public static async Task<bool> RunOnceAsync(ReferralsDbContext db, string name, DateTime now, Func<CancellationToken, Task> work, CancellationToken ct = default)
    {
        if (await db.Set<CompletedStartupWork>().AsNoTracking().AnyAsync(w => w.Name == name, ct))
        {
            return false;
        }

        await work(ct);
        db.ChangeTracker.Clear();
        db.Add(new CompletedStartupWork(name, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment did the same (idempotent) work and recorded it first.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return true;
    }
}

internal sealed class CompletedStartupWorkConfiguration : IEntityTypeConfiguration<CompletedStartupWork>
{
    public void Configure(EntityTypeBuilder<CompletedStartupWork> b)
    {
        b.ToTable("CompletedStartupWork");
        b.HasKey(w => w.Name);
        b.Property(w => w.Name).HasMaxLength(100).ValueGeneratedNever();
    }
}
