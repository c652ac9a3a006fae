using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Rollups;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Drafts;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;

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

    public DbSet<DealTeamMember> DealTeamMembers => Set<DealTeamMember>();

    public DbSet<DealConflict> DealConflicts => Set<DealConflict>();

    public DbSet<DealDraft> DealDrafts => Set<DealDraft>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<EmailMessage> EmailOutbox => Set<EmailMessage>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>The Insights summary rows, kept current by every save that changes a deal (<see cref="DealRollupWriter"/>).</summary>
    public DbSet<DealRollup> DealRollups => Set<DealRollup>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ApiIdempotencyRecord> ApiIdempotencyKeys => Set<ApiIdempotencyRecord>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public TenantScope? Tenant => tenantSource();

    private string? tenantUserId => tenantSource()?.UserId;

    // The deal filter is written with nullable parameters only: EF turns "column = NULL parameter" into FALSE
    // at execution and drops it, so a partner's query reads "OwnerOrganisationId = @org" and the vendor's
    // "DealType = 'CoSell'" — plain predicates SQLite and SQL Server can answer from an index. A CASE or a
    // boolean parameter OR-ed in front would force a scan of every deal.
    private int? partnerScope => tenantSource() is { IsVendor: false } t ? t.OrganisationId : null;

    // A team-limited referral user: "… AND EXISTS (team member = @user)"; null (everyone else) drops the condition.
    private string? teamScope => tenantSource() is { IsVendor: false, TeamOnly: true } t ? t.UserId : null;

    private DealType? coSellScope => tenantSource() is null or { IsVendor: true } ? DealType.CoSell : null;

    private DealType? privateScope => tenantSource() is null ? DealType.Private : null;

    // Solutions the same way: a partner reads "OrganisationId = @org"; the vendor and jobs match both statuses (all).
    // People: a partner reads its own organisation's invitations and audit; the vendor (it onboards partners) and jobs all.
    private bool allOrganisations => tenantSource() is null or { IsVendor: true };

    // API tokens and idempotency records: every organisation (vendor included) sees only its own; jobs see all.
    private int? ownOrganisationScope => tenantSource()?.OrganisationId;

    private MarketplaceStatus? draftScope => tenantSource() is null or { IsVendor: true } ? MarketplaceStatus.Draft : null;

    private MarketplaceStatus? publishedScope => tenantSource() is null or { IsVendor: true } ? MarketplaceStatus.Published : null;

    /// <summary>
    /// Scopes every tenant query of this context instance (call right after renting it). The source is
    /// read when a query runs, not now: the context may be created before authentication has run.
    /// </summary>
    public void SetTenant(Func<TenantScope?> source) => tenantSource = source;

    public void SetTenant(TenantScope? scope) => tenantSource = () => scope;

    /// <summary>
    /// The name of the activities' tenant filter (the deals' own condition, read through the activity's deal). A query
    /// that joins activities to deals it already reads through the deals' filter may switch this one off alone with
    /// <c>IgnoreQueryFilters([ActivityTenantFilter])</c>, and keeps the deals' (a plain IgnoreQueryFilters() drops every filter of the query).
    /// </summary>
    public const string ActivityTenantFilter = "ActivityTenant";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ReferralsDbContext).Assembly);

        // Tenant isolation, in one place: partners see their own deals; the vendor sees co-sell deals.
        // Unscoped (jobs, seed): both types match, so every deal is visible.
        // An organisation that limits its referral users to their deal teams adds the team condition for them
        // (issue 14): every list, count, option, page, export, insight and notification query reads deals here.
        builder.Entity<Deal>().HasQueryFilter(d => (d.OwnerOrganisationId == partnerScope && (teamScope == null || d.Team.Any(m => m.UserId == teamScope)))
            || d.DealType == coSellScope || d.DealType == privateScope);
        builder.Entity<DealActivity>().HasQueryFilter(ActivityTenantFilter, a => (a.Deal!.OwnerOrganisationId == partnerScope && (teamScope == null || a.Deal!.Team.Any(m => m.UserId == teamScope)))
            || a.Deal!.DealType == coSellScope || a.Deal!.DealType == privateScope);
        builder.Entity<DealNote>().HasQueryFilter(n => (n.Deal!.OwnerOrganisationId == partnerScope && !n.VendorInternal && (teamScope == null || n.Deal!.Team.Any(m => m.UserId == teamScope)))
            || n.Deal!.DealType == coSellScope || n.Deal!.DealType == privateScope);
        builder.Entity<DealFavourite>().HasQueryFilter(f => tenantUserId == null || f.UserId == tenantUserId);
        builder.Entity<Solution>().HasQueryFilter(s => s.OrganisationId == partnerScope
            || s.MarketplaceStatus == draftScope || s.MarketplaceStatus == publishedScope);
        builder.Entity<DealDraft>().HasQueryFilter(d => tenantUserId == null || d.UserId == tenantUserId);
        builder.Entity<Notification>().HasQueryFilter(n => tenantUserId == null || n.UserId == tenantUserId);
        builder.Entity<Invitation>().HasQueryFilter(i => allOrganisations || i.OrganisationId == partnerScope);
        builder.Entity<AuditEntry>().HasQueryFilter(a => allOrganisations || a.OrganisationId == partnerScope);
        builder.Entity<ApiToken>().HasQueryFilter(t => ownOrganisationScope == null || t.OrganisationId == ownOrganisationScope);
        builder.Entity<ApiIdempotencyRecord>().HasQueryFilter(r => ownOrganisationScope == null || r.OrganisationId == ownOrganisationScope);

        // Webhook endpoints and their outbox: each organisation (vendor included) sees only its own; the worker sees all.
        builder.Entity<WebhookEndpoint>().HasQueryFilter(e => ownOrganisationScope == null || e.OrganisationId == ownOrganisationScope);
        builder.Entity<WebhookDelivery>().HasQueryFilter(d => ownOrganisationScope == null || d.OrganisationId == ownOrganisationScope);

        // Channel conflicts are the vendor's alone (issue 19): a partner's query of them returns nothing.
        builder.Entity<DealConflict>().HasQueryFilter(c => allOrganisations);

        // Rollups are per organisation and deal type, scoped as the deals are; a team-limited user (whose figures
        // count only the team's deals) reads none of them: Insights counts that user's deals directly.
        builder.Entity<DealRollup>().HasQueryFilter(r => (r.OrganisationId == partnerScope && teamScope == null)
            || r.DealType == coSellScope || r.DealType == privateScope);

        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            SqliteConventions.Apply(builder);
        }
        else if (Database.ProviderName == PostgresConventions.ProviderName)
        {
            PostgresConventions.Apply(builder);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var sortKeys = DealSortKeys.Capture(this);

        // Nothing in the portal saves synchronously; this keeps the rollups and sort keys right for anyone who does.
        return DealRollupWriter.SaveAsync(this, acceptAllChangesOnSuccess, accept => WithSortKeysAsync(sortKeys, () => Task.FromResult(base.SaveChanges(accept)), CancellationToken.None), CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var sortKeys = DealSortKeys.Capture(this);
        return DealRollupWriter.SaveAsync(this, acceptAllChangesOnSuccess, accept => WithSortKeysAsync(sortKeys, () => base.SaveChangesAsync(accept, cancellationToken), cancellationToken), cancellationToken);
    }

    // The deals' sort keys (DealSortKeys) are written right after the save, in its transaction.
    private async Task<int> WithSortKeysAsync(DealSortKeys.Pending sortKeys, Func<Task<int>> save, CancellationToken ct)
    {
        if (sortKeys.IsEmpty)
        {
            return await save();
        }

        await using var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var saved = await save();
        await sortKeys.ApplyAsync(this, ct);
        if (owned is not null)
        {
            await owned.CommitAsync(ct);
        }

        return saved;
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
