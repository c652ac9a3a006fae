using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Data;

/// <summary>
/// PostgreSQL's part of the model. Search: <c>pg_trgm</c> GIN indexes on the two searched names, so the
/// workspace's case-insensitive "contains" (ILIKE '%term%', see TrigramDealSearch) reads an index instead of
/// every deal. Times: the portal keeps every instant in UTC; Npgsql maps DateTime to <c>timestamptz</c> and
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
        builder.Entity<Deal>().HasIndex(d => d.Name, "IX_Deals_Name_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Entity<Customer>().HasIndex(c => c.Name, "IX_Customers_Name_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");

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
