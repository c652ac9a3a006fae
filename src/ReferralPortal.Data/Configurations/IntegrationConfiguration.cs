using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        b.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Hint).HasMaxLength(20);
        b.Property(t => t.CreatedByUserId).HasMaxLength(450);
        b.Property(t => t.RevokedByUserId).HasMaxLength(450);
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);

        // Every API call looks its token up by hash.
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => new { t.OrganisationId, t.CreatedAt });
    }
}

internal sealed class ApiIdempotencyRecordConfiguration : IEntityTypeConfiguration<ApiIdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<ApiIdempotencyRecord> b)
    {
        b.ToTable("ApiIdempotencyKeys");
        b.Property(r => r.Key).HasMaxLength(ApiIdempotencyRecord.KeyMaxLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.Location).HasMaxLength(300);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);

        // One first answer per organisation and key: a racing duplicate fails to insert and replays the winner.
        b.HasIndex(r => new { r.OrganisationId, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
    }
}
