using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        b.Property(e => e.EventTypes).HasMaxLength(300);
        b.Property(e => e.ProtectedSecret).HasMaxLength(1000);
        b.Property(e => e.ProtectedPreviousSecret).HasMaxLength(1000);
        b.Property(e => e.DisabledReason).HasMaxLength(200);
        b.Property(e => e.CreatedByUserId).HasMaxLength(450);
        b.Ignore(e => e.Events);
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.OrganisationId, e.CreatedAt });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.MessageId).HasMaxLength(40);
        b.Property(d => d.EventType).HasMaxLength(50);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.MessageId).IsUnique();

        // The worker reads due messages; the delivery log reads an endpoint's newest.
        b.HasIndex(d => new { d.State, d.NextAttemptAt });
        b.HasIndex(d => new { d.EndpointId, d.CreatedAt });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.Property(a => a.Error).HasMaxLength(WebhookAttempt.ErrorMaxLength);
        b.Property(a => a.ResponseBody).HasMaxLength(WebhookAttempt.ResponseBodyMaxBytes);
        b.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.DeliveryId, a.Number });
    }
}
