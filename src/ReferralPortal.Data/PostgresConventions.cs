using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Data;

/// <summary>
/// PostgreSQL's part of the model. Search: <c>pg_trgm</c> GIN indexes on the two searched keys, so the
/// workspace's "contains" over the accent- and case-free keys (LIKE '%KEY%', one lookup per key, see
/// PostgresDealSearch) reads an index instead of every deal. Times: the portal keeps every instant in UTC; Npgsql maps DateTime to <c>timestamptz</c> and
/// refuses a DateTime whose Kind is not Utc, while SQLite and SQL Server hand back Kind Unspecified, so every
/// DateTime is marked Utc on its way in and out (the same instant, one rule for all three providers).
/// </summary>
internal static class PostgresConventions
{
    public const string ProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtc = new(
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    public static void Apply(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");

        // The partner's tenant column in the same GIN index as the name's trigrams (btree_gin gives GIN an operator
        // class for integers): a partner's search rechecks only its own candidate rows, not every tenant's. The
        // vendor's search (no owner condition) uses the same index by its second column alone.
        builder.HasPostgresExtension("btree_gin");
        builder.Entity<Deal>().HasIndex(d => new { d.OwnerOrganisationId, d.NormalisedName }, "IX_Deals_OwnerOrganisationId_NormalisedName_Trigram")
            .HasMethod("gin").HasOperators("int4_ops", "gin_trgm_ops");
        builder.Entity<Customer>().HasIndex(c => c.NormalisedName, "IX_Customers_NormalisedName_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");

        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(DateTime) && property.GetValueConverter() is null)
            {
                property.SetValueConverter(Utc);
            }
            else if (property.ClrType == typeof(DateTime?) && property.GetValueConverter() is null)
            {
                property.SetValueConverter(NullableUtc);
            }
        }
    }
}
