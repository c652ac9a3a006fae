using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Drafts;
using ReferralPortal.Domain.Notifications;

namespace ReferralPortal.Data.Configurations;

internal sealed class DealDraftConfiguration : IEntityTypeConfiguration<DealDraft>
{
    public void Configure(EntityTypeBuilder<DealDraft> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.UserId).HasMaxLength(450);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.UserId, d.UpdatedAt });
        b.HasIndex(d => d.UpdatedAt);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(n => n.Message).HasConversion<string>().HasMaxLength(40);

        // The message's facts as one JSON text (every provider stores text; nothing queries inside it).
        b.Property(n => n.Arguments).HasConversion(
            a => a == null ? null : JsonSerializer.Serialize(a, JsonOptions),
            json => json == null ? null : JsonSerializer.Deserialize<NotificationArguments>(json, JsonOptions));
        b.Property(n => n.Text).HasMaxLength(500);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.ToTable("EmailOutbox");
        b.Property(e => e.To).HasMaxLength(254);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.LastError).HasMaxLength(1000);
        b.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
    }
}
