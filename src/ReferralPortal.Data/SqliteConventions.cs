using Microsoft.EntityFrameworkCore;

namespace ReferralPortal.Data;

/// <summary>
/// SQLite stores decimals as text, which sorts and sums wrongly; money is kept as REAL there
/// (exact for the 2-decimal values up to 1e9 the domain allows). SQL Server keeps decimal(18,2).
/// </summary>
internal static class SqliteConventions
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(decimal) || property.ClrType == typeof(decimal?))
            {
                property.SetProviderClrType(typeof(double));
                property.SetColumnType("REAL");
            }
        }
    }
}
