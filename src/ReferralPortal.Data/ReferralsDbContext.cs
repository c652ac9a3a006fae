using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Drafts;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Data;

/// <summary>The one unit of work of the portal (Identity, domain and data-protection keys).</summary>
public class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    // Read by the global query filters at each query's execution; null means unscoped (seed, jobs).
    private Func<TenantScope?> tenantSource = static () => null;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Solution> Solutions => Set<Solution>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealActivity> DealActivities => Set<DealActivity>();

    public DbSet<DealNote> DealNotes => Set<DealNote>();

    public DbSet<DealFavourite> DealFavourites => Set<DealFavourite>();

    public DbSet<DealDraft> DealDrafts => Set<DealDraft>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<EmailMessage> EmailOutbox => Set<EmailMessage>();

    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public TenantScope? Tenant => tenantSource();

    private int? tenantOrganisationId => tenantSource()?.OrganisationId;

    private bool tenantIsVendor => tenantSource()?.IsVendor ?? false;

    private string? tenantUserId => tenantSource()?.UserId;

    /// <summary>
    /// Scopes every tenant query of this context instance (call right after renting it). The source is
    /// read when a query runs, not now: the context may be created before authentication has run.
    /// </summary>
    public void SetTenant(Func<TenantScope?> source) => tenantSource = source;

    public void SetTenant(TenantScope? scope) => tenantSource = () => scope;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ReferralsDbContext).Assembly);

        // Tenant isolation, in one place: partners see their own deals; the vendor sees co-sell deals.
        builder.Entity<Deal>().HasQueryFilter(d => tenantOrganisationId == null
            || (tenantIsVendor ? d.DealType == DealType.CoSell : d.OwnerOrganisationId == tenantOrganisationId));
        builder.Entity<DealActivity>().HasQueryFilter(a => tenantOrganisationId == null
            || (tenantIsVendor ? a.Deal!.DealType == DealType.CoSell : a.Deal!.OwnerOrganisationId == tenantOrganisationId));
        builder.Entity<DealNote>().HasQueryFilter(n => tenantOrganisationId == null
            || (tenantIsVendor ? n.Deal!.DealType == DealType.CoSell : n.Deal!.OwnerOrganisationId == tenantOrganisationId && !n.VendorInternal));
        builder.Entity<DealFavourite>().HasQueryFilter(f => tenantUserId == null || f.UserId == tenantUserId);
        builder.Entity<Solution>().HasQueryFilter(s => tenantOrganisationId == null || tenantIsVendor || s.OrganisationId == tenantOrganisationId);
        builder.Entity<DealDraft>().HasQueryFilter(d => tenantUserId == null || d.UserId == tenantUserId);
        builder.Entity<Notification>().HasQueryFilter(n => tenantUserId == null || n.UserId == tenantUserId);

        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            SqliteConventions.Apply(builder);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // SQLite has no server-generated rowversion, so the app bumps the token on both providers alike.
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } p && p.IsConcurrencyToken)
            {
                var current = (int)entry.Property("Version").CurrentValue!;
                entry.Property("Version").CurrentValue = current + 1;
            }
        }
    }
}
