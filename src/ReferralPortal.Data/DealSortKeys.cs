using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Data;

/// <summary>
/// The workspace columns whose order is not a column of the deal (issue 17/19): the customer's name, the partner's
/// name, the sales stage in the stages' own order, and the first solution name. Each is copied onto the deal as a
/// sort key (a shadow column, not part of the domain) with an index per tab scope ending in the id, so a sorted page
/// reads 25 index entries instead of sorting every deal of the tab. The keys are written by one statement in the
/// same transaction as every save that adds or changes a deal, its solutions, or renames a customer, partner or
/// solution (<see cref="Capture"/>), the way the rollups are kept; migrations and bulk loads fill them with
/// <see cref="RefreshSql"/>.
/// </summary>
public static class DealSortKeys
{
    public const string CustomerName = "CustomerSortName";
    public const string PartnerName = "PartnerSortName";
    public const string StageRank = "StageSortRank";
    public const string SolutionName = "SolutionsSortName";

    private const int IdsPerStatement = 500;

    internal static void Configure(EntityTypeBuilder<Deal> b)
    {
        b.Property<string>(CustomerName).HasMaxLength(200).HasDefaultValue(string.Empty).IsRequired();
        b.Property<string>(PartnerName).HasMaxLength(200).HasDefaultValue(string.Empty).IsRequired();
        b.Property<int>(StageRank).HasDefaultValue(0);
        b.Property<string?>(SolutionName).HasMaxLength(200);

        foreach (var key in new[] { CustomerName, StageRank, SolutionName })
        {
            // A partner's tabs (owner + direction) and the vendor's (deal type + direction).
            b.HasIndex(nameof(Deal.OwnerOrganisationId), nameof(Deal.Direction), key, nameof(Deal.Id));
            b.HasIndex(nameof(Deal.DealType), nameof(Deal.Direction), key, nameof(Deal.Id));
        }

        // The Partner column is on the vendor's tabs only.
        b.HasIndex(nameof(Deal.DealType), nameof(Deal.Direction), PartnerName, nameof(Deal.Id));

        // The Stage filter (Active or Won at that stage is exactly one rank), newest first, per tab scope: its capped
        // count reads only the matching entries and its page the first 25 of them. These replace indexes on the stage
        // column itself, whose filter also had to check the status, so SQLite counted through every Active and Won deal.
        b.HasIndex(nameof(Deal.OwnerOrganisationId), nameof(Deal.Direction), StageRank, nameof(Deal.UpdatedAt), nameof(Deal.Id));
        b.HasIndex(nameof(Deal.DealType), nameof(Deal.Direction), StageRank, nameof(Deal.UpdatedAt), nameof(Deal.Id));

        // The vendor's Registrations tab (submitted registrations, of both directions): each column's order from a
        // partial index holding only the submitted ones, a few percent of the deals. Its type and registration are
        // fixed by the tab, so those sorts are the id's order; its last-updated sort already has one.
        var submitted = $"\"{nameof(Deal.RegistrationStatus)}\" = '{nameof(RegistrationStatus.Submitted)}'";
        foreach (var key in new[] { nameof(Deal.Name), CustomerName, PartnerName, nameof(Deal.LocationCountry), nameof(Deal.Value), nameof(Deal.Status), StageRank, nameof(Deal.ReviewDueAt), SolutionName })
        {
            b.HasIndex([nameof(Deal.DealType), key, nameof(Deal.Id)], $"IX_Deals_Registrations_{key}").HasFilter(submitted);
        }

        b.HasIndex([nameof(Deal.DealType), nameof(Deal.Id)], "IX_Deals_Registrations_Id").HasFilter(submitted);
    }

    /// <summary>The stage as the Stage column sorts it: 0 unless Active or Won, then 1 (Accepted) to 6 (Won).</summary>
    public static int RankOf(DealStatus status, SalesStage? stage) =>
        status is DealStatus.Active or DealStatus.Won && stage is { } s ? (int)s + 1 : 0;

    /// <summary>
    /// One UPDATE that sets every sort key of the deals matching <paramref name="where"/> (a condition on the
    /// "Deals" row, e.g. <c>"Deals"."Id" IN (1, 2)</c>) from the rows they copy; the same SQL on every provider.
    /// </summary>
    public static string RefreshSql(string where)
    {
        var stage = new StringBuilder("CASE WHEN \"Deals\".\"Status\" NOT IN ('Active', 'Won') THEN 0");
        foreach (var s in Enum.GetValues<SalesStage>())
        {
            stage.Append(CultureInfo.InvariantCulture, $" WHEN \"Deals\".\"Stage\" = '{s}' THEN {RankOf(DealStatus.Active, s)}");
        }

        stage.Append(" ELSE 0 END");
        return $"""
            UPDATE "Deals" SET
              "{CustomerName}" = COALESCE((SELECT c."Name" FROM "Customers" c WHERE c."Id" = "Deals"."CustomerId"), ''),
              "{PartnerName}" = COALESCE((SELECT o."Name" FROM "Organisations" o WHERE o."Id" = "Deals"."OwnerOrganisationId"), ''),
              "{StageRank}" = {stage},
              "{SolutionName}" = (SELECT MIN(s."Name") FROM "DealSolutions" ds INNER JOIN "Solutions" s ON s."Id" = ds."SolutionId" WHERE ds."DealId" = "Deals"."Id")
            WHERE {where}
            """;
    }

    /// <summary>Every deal's keys again (after a bulk load that wrote deals with raw SQL).</summary>
    public static Task<int> RefreshAllAsync(ReferralsDbContext db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync(RefreshSql("1 = 1"), ct);

    /// <summary>What a save is about to change that the keys copy; read before the save, applied after it in its transaction.</summary>
    internal static Pending Capture(ReferralsDbContext db)
    {
        var pending = new Pending();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Deal when entry.State is EntityState.Added or EntityState.Modified:
                    var id = entry.Property(nameof(Deal.Id));
                    pending.Deals.Add(() => (int)id.CurrentValue!);
                    break;
                case Customer when entry.State == EntityState.Modified && entry.Property(nameof(Customer.Name)).IsModified:
                    pending.Renamed.Add(("\"CustomerId\" = {0}", (int)entry.Property(nameof(Customer.Id)).CurrentValue!));
                    break;
                case Organisation when entry.State == EntityState.Modified && entry.Property(nameof(Organisation.Name)).IsModified:
                    pending.Renamed.Add(("\"OwnerOrganisationId\" = {0}", (int)entry.Property(nameof(Organisation.Id)).CurrentValue!));
                    break;
                case Solution when entry.State == EntityState.Modified && entry.Property(nameof(Solution.Name)).IsModified:
                    pending.Renamed.Add(("\"Id\" IN (SELECT \"DealId\" FROM \"DealSolutions\" WHERE \"SolutionId\" = {0})", (int)entry.Property(nameof(Solution.Id)).CurrentValue!));
                    break;
                default:
                    if (entry.Metadata.Name == "DealSolutions" && entry.State is EntityState.Added or EntityState.Deleted)
                    {
                        var dealId = entry.Property("DealId");
                        pending.Deals.Add(() => (int)dealId.CurrentValue!);
                    }

                    break;
            }
        }

        return pending;
    }

    internal sealed class Pending
    {
        public List<Func<int>> Deals { get; } = [];

        public List<(string Where, int Id)> Renamed { get; } = [];

        public bool IsEmpty => Deals.Count == 0 && Renamed.Count == 0;

        /// <summary>Runs after the save, inside its transaction (the deals' ids are real by then).</summary>
        public async Task ApplyAsync(ReferralsDbContext db, CancellationToken ct)
        {
            foreach (var chunk in Deals.Select(d => d()).Distinct().Chunk(IdsPerStatement))
            {
                var list = string.Join(", ", chunk.Select((_, i) => $"{{{i}}}"));
                await db.Database.ExecuteSqlRawAsync(RefreshSql($"\"Id\" IN ({list})"), chunk.Cast<object>(), ct);
            }

            foreach (var (where, id) in Renamed)
            {
                await db.Database.ExecuteSqlRawAsync(RefreshSql(where), [id], ct);
            }
        }
    }
}
