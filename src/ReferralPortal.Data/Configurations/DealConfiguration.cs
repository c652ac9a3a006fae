using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Data.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> b)
    {
        b.Ignore(d => d.ReferralId);
        b.Ignore(d => d.IsTerminal);
        b.Ignore(d => d.IsCoSell);
        b.Ignore(d => d.IsEligibleForRegistration);

        b.Property(d => d.Name).HasMaxLength(200).IsRequired();
        b.Property(d => d.NormalisedName).HasMaxLength(200).IsRequired();
        b.Property(d => d.Value).HasPrecision(18, 2);
        b.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(d => d.LocationCountry).HasMaxLength(2).IsFixedLength();
        b.Property(d => d.Notes).HasMaxLength(DealDetails.MaxNotesLength);
        b.Property(d => d.CloseComment).HasMaxLength(1000);
        b.Property(d => d.RegistrationRejectionReason).HasMaxLength(1000);
        b.Property(d => d.CreatedByUserId).HasMaxLength(450);
        b.Property(d => d.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.DealType).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.RegistrationStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.CloseReason).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.ErrorReason).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.HelpWanted).HasConversion<string>().HasMaxLength(300);
        b.Property(d => d.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.AwaitsVendorDecision);
        b.Property(d => d.AssignedReviewerId).HasMaxLength(450);
        b.Property(d => d.AssignedReviewerName).HasMaxLength(200);

        b.OwnsOne(d => d.Contact, c =>
        {
            c.Property(x => x.FirstName).HasMaxLength(100).HasColumnName("ContactFirstName");
            c.Property(x => x.LastName).HasMaxLength(100).HasColumnName("ContactLastName");
            c.Property(x => x.Email).HasMaxLength(254).HasColumnName("ContactEmail");
            c.Property(x => x.Phone).HasMaxLength(40).HasColumnName("ContactPhone");
            c.Property(x => x.JobTitle).HasMaxLength(100).HasColumnName("ContactJobTitle");
            c.Ignore(x => x.IsEmpty);
        });

        b.HasOne(d => d.Customer).WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(d => d.Solutions).WithMany().UsingEntity(
            "DealSolutions",
            r => r.HasOne(typeof(Solution)).WithMany().HasForeignKey("SolutionId").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Deal)).WithMany().HasForeignKey("DealId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasIndex("SolutionId", "DealId"));
        b.Navigation(d => d.Solutions).HasField("solutions");

        b.HasMany(d => d.Activities).WithOne(a => a.Deal).HasForeignKey(a => a.DealId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Activities).HasField("activities");
        b.HasMany(d => d.NotesThread).WithOne(n => n.Deal).HasForeignKey(n => n.DealId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.NotesThread).HasField("notes");
        b.HasMany(d => d.Team).WithOne().HasForeignKey(m => m.DealId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Team).HasField("team");

        // Workspace tabs: owner + direction + status, newest first; the vendor's tabs by type + status.
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.Status, d.UpdatedAt });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.UpdatedAt, d.Id });
        b.HasIndex(d => new { d.DealType, d.Direction, d.Status, d.ReviewDueAt });
        b.HasIndex(d => new { d.DealType, d.UpdatedAt, d.Id });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.CustomerId });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.LocationCountry });

        // The Country + Status filter (the commonest pair): covering for its capped count and already in
        // "newest first" order for its page, so neither visits the table row by row. The planner needs
        // statistics to prefer the narrower index for the unfiltered view (PRAGMA optimize at start-up).
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.LocationCountry, d.Status, d.UpdatedAt, d.Id });
        b.HasIndex(d => new { d.Status, d.ReviewDueAt });

        // Workspace filter options for the vendor (whose scope is the deal type, not an owner): "has this customer
        // a co-sell deal" and the distinct deal countries, each answered from an index instead of the table.
        b.HasIndex(d => new { d.CustomerId, d.DealType });
        b.HasIndex(d => new { d.DealType, d.LocationCountry });

        // Vendor triage (issue 19): the Partner filter and sort, the reviewer filters, the Registrations tab
        // (oldest submission first) and channel-conflict look-ups by customer, each from an index.
        b.HasIndex(d => new { d.DealType, d.OwnerOrganisationId, d.UpdatedAt, d.Id });
        b.HasIndex(d => new { d.DealType, d.AssignedReviewerId, d.Status });
        // The Registrations tab's default order with the vendor's scope first: without the deal type SQLite preferred
        // a scope index and sorted all 58,000 submitted registrations at 1M, for the first page and the last (an
        // OFFSET of up to the count cap). Another partial index for it made SQLite stop using the partial ones.
        b.HasIndex(d => new { d.DealType, d.RegistrationStatus, d.RegistrationSubmittedAt, d.Id });
        b.HasIndex(d => new { d.CustomerId, d.Status });

        PerfSortIndexes.Apply(b);
        DealSortKeys.Configure(b);
        ReviewSlaIndexes.Apply(b);
    }
}

internal sealed class DealConflictConfiguration : IEntityTypeConfiguration<DealConflict>
{
    public void Configure(EntityTypeBuilder<DealConflict> b)
    {
        b.Ignore(c => c.IsCleared);
        b.Property(c => c.ClearedByUserId).HasMaxLength(450);
        b.Property(c => c.ClearedByName).HasMaxLength(200);
        b.Property(c => c.Note).HasMaxLength(DealConflict.NoteMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Deal>().WithMany().HasForeignKey(c => c.LowDealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Deal>().WithMany().HasForeignKey(c => c.HighDealId).OnDelete(DeleteBehavior.NoAction);

        // "Is this deal in a possible conflict" from either side is a probe of one of these.
        b.HasIndex(c => new { c.LowDealId, c.HighDealId }).IsUnique();
        b.HasIndex(c => new { c.HighDealId, c.LowDealId });
    }
}

internal sealed class DealActivityConfiguration : IEntityTypeConfiguration<DealActivity>
{
    public void Configure(EntityTypeBuilder<DealActivity> b)
    {
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ToStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.Comment).HasMaxLength(1000);
        b.Property(a => a.Field).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.OldValue).HasMaxLength(DealDetails.MaxNotesLength);
        b.Property(a => a.NewValue).HasMaxLength(DealDetails.MaxNotesLength);
        b.HasIndex(a => new { a.DealId, a.At });
        ReviewSlaIndexes.Apply(b);
    }
}

internal sealed class DealNoteConfiguration : IEntityTypeConfiguration<DealNote>
{
    public void Configure(EntityTypeBuilder<DealNote> b)
    {
        b.Property(n => n.AuthorUserId).HasMaxLength(450);
        b.Property(n => n.AuthorName).HasMaxLength(200);
        b.Property(n => n.Text).HasMaxLength(DealNote.MaxLength);
        b.HasIndex(n => new { n.DealId, n.At });
    }
}

internal sealed class DealFavouriteConfiguration : IEntityTypeConfiguration<DealFavourite>
{
    public void Configure(EntityTypeBuilder<DealFavourite> b)
    {
        b.HasKey(f => new { f.UserId, f.DealId });
        b.Property(f => f.UserId).HasMaxLength(450);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Deal>().WithMany().HasForeignKey(f => f.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.DealId);
    }
}

internal sealed class DealTeamMemberConfiguration : IEntityTypeConfiguration<DealTeamMember>
{
    public void Configure(EntityTypeBuilder<DealTeamMember> b)
    {
        b.HasKey(m => new { m.DealId, m.UserId });
        b.Property(m => m.UserId).HasMaxLength(450);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);

        // "Assigned to me" and the team-only visibility start from the user's deals.
        b.HasIndex(m => new { m.UserId, m.DealId });
    }
}
