using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Data.Rollups;

/// <summary>
/// One summary row of the Insights figures: how many deals (or closings) of one organisation and deal type fall under
/// <see cref="Key"/> of <see cref="Dimension"/> in one currency, and their value in cents (an integer, so that sums
/// kept by increments stay exact on every provider). Kept current in the transaction of every deal change
/// (<see cref="DealRollupWriter"/>); Insights reads these rows instead of grouping every deal.
/// </summary>
public sealed class DealRollup
{
    public int OrganisationId { get; set; }

    public DealType DealType { get; set; }

    public string Dimension { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>Empty for <see cref="DealRollupDimension.Decision"/>, which counts deals whatever their currency.</summary>
    public string Currency { get; set; } = string.Empty;

    public long Count { get; set; }

    public long ValueCents { get; set; }

    public decimal Value => ValueCents / 100m;
}

/// <summary>What the rollup rows count, and what their <see cref="DealRollup.Key"/> holds.</summary>
public static class DealRollupDimension
{
    /// <summary>Every deal by status (key: the status).</summary>
    public const string Status = "Status";

    /// <summary>Active deals by sales stage (key: the stage; no stage yet counts as Accepted).</summary>
    public const string Stage = "Stage";

    /// <summary>Won or Lost activities by the month they happened (key: <c>yyyy-MM|Won</c>), with the deal's value.</summary>
    public const string Closed = "Closed";

    /// <summary>Accepted or declined deals by whole hours from share to decision (key: six digits); no currency.</summary>
    public const string Decision = "Decision";

    /// <summary>Open or won deals by customer (key: the customer id).</summary>
    public const string Customer = "Customer";

    /// <summary>Open or won deals by attached solution (key: the solution id); a deal counts towards each of its solutions.</summary>
    public const string Solution = "Solution";

    public static string ClosedKey(int year, int month, ActivityKind kind) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}|{kind}");

    public static string DecisionKey(int hours) => hours.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class DealRollupConfiguration : IEntityTypeConfiguration<DealRollup>
{
    public void Configure(EntityTypeBuilder<DealRollup> b)
    {
        b.ToTable("DealRollups");
        // The upsert's conflict target; a partner's figures read its organisation's rows by dimension.
        b.HasKey(r => new { r.OrganisationId, r.Dimension, r.DealType, r.Key, r.Currency });
        b.Property(r => r.DealType).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Dimension).HasMaxLength(20);
        b.Property(r => r.Key).HasMaxLength(40);
        b.Property(r => r.Currency).HasMaxLength(3);
        b.Ignore(r => r.Value);

        // The vendor's figures: every organisation's co-sell rows of one dimension (and currency), in key order.
        b.HasIndex(r => new { r.Dimension, r.DealType, r.Currency, r.Key, r.Count, r.ValueCents });
    }
}
