using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;

namespace ReferralPortal.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Country).HasMaxLength(2).IsFixedLength();
        b.Property(o => o.ReferralUserDealAccess).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class SolutionConfiguration : IEntityTypeConfiguration<Solution>
{
    public void Configure(EntityTypeBuilder<Solution> b)
    {
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.Description).HasMaxLength(1000);
        b.Property(s => s.Area).HasMaxLength(Solution.AreaMaxLength);
        b.Property(s => s.MarketplaceStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.CoSellStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.OrganisationId, s.Name });
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.PreferredCulture).HasMaxLength(10);
        b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(u => u.IsActive);
        b.HasIndex(u => new { u.OrganisationId, u.Role });
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(254).IsRequired();
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.TokenHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        b.Property(i => i.InvitedByUserId).HasMaxLength(450);
        b.Property(i => i.AcceptedUserId).HasMaxLength(450);
        b.Property(i => i.Culture).HasMaxLength(10);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => new { i.OrganisationId, i.Email });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Subject).HasMaxLength(254);
        b.Property(a => a.Detail).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.OrganisationId, a.At });
        b.HasIndex(a => new { a.ActorUserId, a.At }); // a user's own security activity (Account page)
    }
}
