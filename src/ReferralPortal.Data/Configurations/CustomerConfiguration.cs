using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Customers;

namespace ReferralPortal.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.Property(c => c.NormalisedName).HasMaxLength(200).IsRequired();
        b.Property(c => c.MatchKey).HasMaxLength(ReferralPortal.Domain.Common.CompanyKey.MaxLength).IsRequired().HasDefaultValue(string.Empty);
        b.Property(c => c.Country).HasMaxLength(2).IsFixedLength();
        b.Property(c => c.AddressLine).HasMaxLength(200);
        b.Property(c => c.City).HasMaxLength(100);
        b.Property(c => c.PostalCode).HasMaxLength(20);
        b.Property(c => c.Industry).HasMaxLength(100);
        b.Property(c => c.Website).HasMaxLength(200);
        b.Property(c => c.Size).HasConversion<string>().HasMaxLength(20);

        // Directory search is "country, then name prefix"; the pair also finds manual duplicates.
        b.HasIndex(c => new { c.Country, c.NormalisedName });

        // Channel-conflict detection finds "the same company" by its key within a country (issue 19).
        b.HasIndex(c => new { c.Country, c.MatchKey });
    }
}
