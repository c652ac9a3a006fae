using System.Text;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Data.Rollups;

/// <summary>
/// Keeps <see cref="DealRollup"/> rows current in the transaction of every save that changes a deal, its solutions
/// or its closing activity: it reads the touched deals' facts before and after the save, and adds the difference
/// to the rows with one upsert of increments ("count = count + delta"), so concurrent writers on PostgreSQL never
/// overwrite each other's counts. On PostgreSQL the touched deals are also locked (FOR UPDATE) before their facts
/// are read, so a second writer of the same deal reads them only after the first has committed.
/// </summary>
public static class DealRollupWriter
{
    private const int RowsPerStatement = 100;

    internal static async Task<int> SaveAsync(ReferralsDbContext db, bool acceptAllChangesOnSuccess, Func<bool, Task<int>> save, CancellationToken ct)
    {
        var touched = Touched(db);
        if (touched.Count == 0)
        {
            return await save(acceptAllChangesOnSuccess);
        }

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var existing = touched.Where(t => !t.IsTemporary).Select(t => t.DealId()).Distinct().ToList();
            await LockAsync(db, existing, ct);
            var deltas = new RollupDeltas();
            deltas.Add(existing.Count == 0 ? [] : await DealFacts.LoadAsync(db, existing, 0, 0, ct), -1);

            var saved = await save(false);

            var after = touched.Select(t => t.DealId()).Distinct().ToList();
            deltas.Add(await DealFacts.LoadAsync(db, after, 0, 0, ct), +1);
            await UpsertAsync(db, deltas, ct);
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }

            if (acceptAllChangesOnSuccess)
            {
                db.ChangeTracker.AcceptAllChanges();
            }

            return saved;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    /// <summary>Counts every deal again from scratch (after a bulk load, or on a database that has none yet).</summary>
    public static async Task RebuildAsync(ReferralsDbContext db, CancellationToken ct = default)
    {
        const int batch = 20_000;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Set<DealRollup>().IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        var last = await db.Deals.IgnoreQueryFilters().MaxAsync(d => (int?)d.Id, ct) ?? 0;
        var deltas = new RollupDeltas();
        for (var from = 0; from < last; from += batch)
        {
            deltas.Add(await DealFacts.LoadAsync(db, null, from, from + batch, ct), +1);
        }

        await UpsertAsync(db, deltas, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Builds the rollups when a database has deals but no rollup rows (one written before they existed).</summary>
    public static async Task<bool> EnsureBuiltAsync(ReferralsDbContext db, CancellationToken ct = default)
    {
        if (await db.Set<DealRollup>().IgnoreQueryFilters().AnyAsync(ct) || !await db.Deals.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        await RebuildAsync(db, ct);
        return true;
    }

    // A deal touched by this save: a deal row, a solution link or a won/lost activity; its id may still be temporary.
    private sealed record TouchedDeal(Func<int> DealId, bool IsTemporary);

    private static List<TouchedDeal> Touched(ReferralsDbContext db)
    {
        var touched = new List<TouchedDeal>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is Deal)
            {
                var id = entry.Property(nameof(Deal.Id));
                touched.Add(new TouchedDeal(() => (int)id.CurrentValue!, id.IsTemporary || entry.State == EntityState.Added));
            }
            else if (entry.Metadata.Name == "DealSolutions" || (entry.Entity is DealActivity { Kind: ActivityKind.Won or ActivityKind.Lost } && entry.State == EntityState.Added))
            {
                var id = entry.Property("DealId");
                touched.Add(new TouchedDeal(() => (int)id.CurrentValue!, id.IsTemporary));
            }
        }

        return touched;
    }

    private static async Task LockAsync(ReferralsDbContext db, List<int> ids, CancellationToken ct)
    {
        if (ids.Count > 0 && db.Database.ProviderName == PostgresConventions.ProviderName)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM \"Deals\" WHERE \"Id\" = ANY({0}) FOR UPDATE", [ids.ToArray()], ct);
        }
    }

    private static async Task UpsertAsync(ReferralsDbContext db, RollupDeltas deltas, CancellationToken ct)
    {
        var isSqlServer = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";
        foreach (var chunk in deltas.NonZero.Chunk(RowsPerStatement))
        {
            var values = new StringBuilder();
            var parameters = new List<object>(chunk.Length * 7);
            foreach (var (key, (count, cents)) in chunk)
            {
                var at = parameters.Count;
                values.Append(values.Length == 0 ? string.Empty : ", ")
                    .Append(System.Globalization.CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}}, {{{at + 5}}}, {{{at + 6}}})");
                parameters.AddRange([key.OrganisationId, key.Dimension, key.DealType.ToString(), key.Key, key.Currency, count, cents]);
            }

            var sql = isSqlServer
                ? $"""
                   MERGE [DealRollups] WITH (HOLDLOCK) AS t
                   USING (VALUES {values}) AS s ([OrganisationId], [Dimension], [DealType], [Key], [Currency], [Count], [ValueCents])
                   ON t.[OrganisationId] = s.[OrganisationId] AND t.[Dimension] = s.[Dimension] AND t.[DealType] = s.[DealType] AND t.[Key] = s.[Key] AND t.[Currency] = s.[Currency]
                   WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Count], [ValueCents] = t.[ValueCents] + s.[ValueCents]
                   WHEN NOT MATCHED THEN INSERT ([OrganisationId], [Dimension], [DealType], [Key], [Currency], [Count], [ValueCents])
                   VALUES (s.[OrganisationId], s.[Dimension], s.[DealType], s.[Key], s.[Currency], s.[Count], s.[ValueCents]);
                   """
                : $"""
                   INSERT INTO "DealRollups" ("OrganisationId", "Dimension", "DealType", "Key", "Currency", "Count", "ValueCents")
                   VALUES {values}
                   ON CONFLICT ("OrganisationId", "Dimension", "DealType", "Key", "Currency") DO UPDATE
                   SET "Count" = "DealRollups"."Count" + excluded."Count", "ValueCents" = "DealRollups"."ValueCents" + excluded."ValueCents"
                   """;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }
}
