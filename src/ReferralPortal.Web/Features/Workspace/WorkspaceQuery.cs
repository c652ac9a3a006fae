using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Workspace;

public sealed record DealRow(
    int Id,
    string Name,
    string CustomerName,
    string Country,
    decimal Value,
    string Currency,
    DealStatus Status,
    DealType DealType,
    RegistrationStatus RegistrationStatus,
    DateTime? ReviewDueAt,
    DateTime UpdatedAt,
    bool IsFavourite,
    IReadOnlyList<string> Solutions)
{
    /// <summary>The sales stage, shown for Active and Won deals.</summary>
    public SalesStage? Stage { get; init; }

    public int OwnerOrganisationId { get; init; }

    /// <summary>The owner partner's name (vendor users' tabs only, issue 19).</summary>
    public string? PartnerName { get; init; }

    /// <summary>Marked Possible conflict (vendor users only).</summary>
    public bool PossibleConflict { get; init; }

    public string? AssignedReviewerName { get; init; }

    /// <summary>The deal's Version as this page showed it (bulk decisions check it per row).</summary>
    public int Version { get; init; }

    public string ReferralId => Deal.FormatReferralId(Id);
}

public sealed record FilterOption(string Value, string Label);

/// <summary>The drop-down choices, taken only from what this user can see.</summary>
public sealed record FilterOptions(IReadOnlyList<FilterOption> Countries, IReadOnlyList<FilterOption> Customers, IReadOnlyList<FilterOption> Solutions);

public sealed record WorkspacePage(WorkspaceTab Tab, IReadOnlyList<WorkspaceTab> Tabs, IReadOnlyList<DealRow> Rows, DateTime Now)
{
    public WorkspaceFilter Filter { get; init; } = WorkspaceFilter.Default;

    /// <summary>Matching deals, counted up to the cap; <see cref="TotalIsCapped"/> when there are more.</summary>
    public int Total { get; init; }

    public bool TotalIsCapped { get; init; }

    public FilterOptions Options { get; init; } = new([], [], []);

    /// <summary>Per tab, how many New referrals await this side's decision.</summary>
    public IReadOnlyDictionary<WorkspaceTab, int> Awaiting { get; init; } = new Dictionary<WorkspaceTab, int>();

    /// <summary>"Assigned to me" is offered to partner users: deal teams are made of the owner organisation's people.</summary>
    public bool CanFilterAssigned => Tabs.Contains(WorkspaceTab.Outbound);

    /// <summary>The vendor's triage: Partner column and filter, reviewer filters, Possible conflict (issue 19).</summary>
    public bool IsVendorView { get; init; }

    /// <summary>Bulk Accept / Decline on Shared with us (vendor reviewers).</summary>
    public bool CanDecideInBulk { get; init; }

    /// <summary>The partners to filter by (vendor users only).</summary>
    public IReadOnlyList<FilterOption> Partners { get; init; } = [];

    /// <summary>Messages about query-string values that were left out.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public int FirstRow => Rows.Count == 0 ? 0 : Filter.Skip + 1;

    public int LastRow => Filter.Skip + Rows.Count;

    /// <summary>Pages go up to the capped count: past the cap, filters and sorts find the rest.</summary>
    public bool HasNextPage => Total > LastRow;

    /// <summary>The last page, when the count is exact.</summary>
    public int? LastPage => TotalIsCapped ? null : LastPageOf(Total, Filter.PageSize);

    /// <summary>The last page of <paramref name="count"/> rows (page 1 when there are none).</summary>
    public static int LastPageOf(int count, int pageSize) => Math.Max(1, (count + pageSize - 1) / pageSize);
}

public sealed class WorkspaceOptions
{
    public const string Section = "Workspace";

    /// <summary>Counting stops here ("10,000+"), so a count never scans more than this many rows.</summary>
    public int CountCap { get; set; } = 10_000;
}

/// <summary>Reads one workspace tab: the page of rows (one round trip, up to three in a deciding tab's default order), one for the capped count, plus the small option lists.</summary>
public sealed class WorkspaceQuery(ReferralsDbContext db, WorkspaceDeals source, TimeProvider clock, IOptions<WorkspaceOptions> options, IMemoryCache cache, Triage.ConflictQuery conflicts, HeaderFacts header)
{
    public const int BadgeCap = 99;

    public async Task<WorkspacePage> RunAsync(Actor actor, WorkspaceTab tab, WorkspaceFilter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cap = options.Value.CountCap;
        var deals = source.Filtered(actor, tab, filter);
        int total;
        if (filter.Search is null)
        {
            total = await deals.Take(cap + 1).CountAsync(ct);
        }
        else
        {
            // A search's full-text match is the costly part of the view at a million deals: evaluate it once,
            // keep the matching ids (at most the cap), and read the page from those instead of matching again.
            var ids = await deals.Select(d => d.Id).Take(cap + 1).ToListAsync(ct);
            total = ids.Count;
            if (ids.Count <= cap)
            {
                deals = source.WithIds(ids);
            }
        }

        // A list pages up to its capped count: a page past it (a bookmark after deals closed, a typed ?page=99999) shows
        // the last page there is, or the capped count's last one, so no OFFSET ever skips more than the cap's rows.
        var last = WorkspacePage.LastPageOf(Math.Min(total, cap), filter.PageSize);
        if (filter.Page > last)
        {
            filter = filter with { Page = last };
        }

        var rows = await PageOf(actor, tab, filter, deals, ct);
        return new WorkspacePage(tab, WorkspaceTabs.For(actor), rows, now)
        {
            Filter = filter,
            Total = Math.Min(total, cap),
            TotalIsCapped = total > cap,
            Options = await CachedOptionsAsync(actor, filter.CustomerId, ct),
            Awaiting = await AwaitingAsync(actor, now, ct),
            IsVendorView = actor.IsVendor,
            CanDecideInBulk = actor.IsVendorReviewer && tab == WorkspaceTab.Shared,
            Partners = actor.IsVendor ? await PartnerOptionsAsync(filter.PartnerId, ct) : [],
        };
    }

    /// <summary>The vendor's Partner filter: the partners with the most co-sell deals (the list stays short at thousands of partners), plus the chosen one.</summary>
    public const int PartnerOptionLimit = 200;

    private async Task<IReadOnlyList<FilterOption>> PartnerOptionsAsync(int? selected, CancellationToken ct)
    {
        var key = ("PartnerOptions", selected);
        if (cache.TryGetValue(key, out IReadOnlyList<FilterOption>? cached) && cached is not null)
        {
            return cached;
        }

        var frequent = await db.Deals.AsNoTracking()
            .GroupBy(d => d.OwnerOrganisationId)
            .Select(g => new { Id = g.Key, Deals = g.Count() })
            .OrderByDescending(g => g.Deals).ThenBy(g => g.Id)
            .Take(PartnerOptionLimit)
            .Select(g => g.Id)
            .ToListAsync(ct);
        if (selected is int chosen)
        {
            frequent.Add(chosen);
        }

        var partners = await db.Organisations.AsNoTracking()
            .Where(o => frequent.Contains(o.Id) && o.Kind == OrganisationKind.Partner)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(ct);
        IReadOnlyList<FilterOption> options = [.. partners.Select(p => new FilterOption(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name))];
        cache.Set(key, options, TimeSpan.FromSeconds(30));
        return options;
    }

    private async Task<List<DealRow>> PageOf(Actor actor, WorkspaceTab tab, WorkspaceFilter filter, IQueryable<Deal> deals, CancellationToken ct)
    {
        var rows = WorkspaceDeals.NewOnesFirst(tab, filter)
            ? await NewOnesFirstPageAsync(actor, deals, filter.Skip, filter.PageSize, ct)
            : await RowsAsync(actor, WorkspaceDeals.Ordered(deals, tab, filter).Skip(filter.Skip).Take(filter.PageSize), ct);

        // Solution names for just this page's ids: joining the collection into the page query makes SQLite
        // materialise every deal's solutions first, which grows with the tenant's history.
        var ids = rows.ConvertAll(r => r.Id);
        var names = (await source.WithIds(ids)
                .SelectMany(d => d.Solutions, (d, s) => new { d.Id, s.Name })
                .ToListAsync(ct))
            .ToLookup(x => x.Id, x => x.Name);
        rows = rows.ConvertAll(r => r with { Solutions = [.. names[r.Id].Order(StringComparer.CurrentCulture)] });
        return actor.IsVendor ? await WithTriageAsync(actor, rows, ct) : rows.ConvertAll(r => r with { AssignedReviewerName = null });
    }

    // The vendor's Partner column and Possible conflict badge, for just this page's rows.
    private async Task<List<DealRow>> WithTriageAsync(Actor actor, List<DealRow> rows, CancellationToken ct)
    {
        var owners = rows.Select(r => r.OwnerOrganisationId).Distinct().ToList();
        var partnerNames = await db.Organisations.AsNoTracking()
            .Where(o => owners.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var flagged = await conflicts.FlaggedAsync(actor, rows.ConvertAll(r => r.Id), ct);
        return rows.ConvertAll(r => r with { PartnerName = partnerNames.GetValueOrDefault(r.OwnerOrganisationId), PossibleConflict = flagged.Contains(r.Id) });
    }

    // New ones first, read in two parts: the page's New rows from the New ones by review due date, the rest newest
    // first after as many of them as earlier pages showed. Counting the New ones before the page stops at the page.
    private async Task<List<DealRow>> NewOnesFirstPageAsync(Actor actor, IQueryable<Deal> deals, int skip, int size, CancellationToken ct)
    {
        var newOnes = WorkspaceDeals.NewOnes(deals);
        var rest = WorkspaceDeals.RestNewestFirst(deals);
        var newBefore = skip == 0 ? 0 : await newOnes.Take(skip).CountAsync(ct);
        if (newBefore < skip)
        {
            return await RowsAsync(actor, rest.Skip(skip - newBefore).Take(size), ct);
        }

        var rows = await RowsAsync(actor, WorkspaceDeals.ByReviewDue(newOnes).Skip(skip).Take(size), ct);
        if (rows.Count < size)
        {
            rows.AddRange(await RowsAsync(actor, rest.Take(size - rows.Count), ct));
        }

        return rows;
    }

    private Task<List<DealRow>> RowsAsync(Actor actor, IQueryable<Deal> page, CancellationToken ct) => Rows(actor, page).ToListAsync(ct);

    /// <summary>A page of deals as the table's rows (the query the list runs; its plan is tested in the Perf tests).</summary>
    public IQueryable<DealRow> Rows(Actor actor, IQueryable<Deal> page) =>
        page.Select(d => new DealRow(
                d.Id, d.Name, d.Customer.Name, d.LocationCountry, d.Value, d.Currency, d.Status, d.DealType, d.RegistrationStatus,
                d.ReviewDueAt, d.UpdatedAt,
                db.DealFavourites.Any(f => f.DealId == d.Id && f.UserId == actor.UserId),
                Array.Empty<string>())
        {
            Stage = d.Status == DealStatus.Active || d.Status == DealStatus.Won ? d.Stage : null,
            OwnerOrganisationId = d.OwnerOrganisationId,
            AssignedReviewerName = d.AssignedReviewerName,
            Version = d.Version,
        });

    // Filter options change only when the organisation gains a customer, country or solution: a short
    // per-organisation cache keeps three scans of the tenant's deals off every list request.
    private async Task<FilterOptions> CachedOptionsAsync(Actor actor, int? selectedCustomer, CancellationToken ct)
    {
        // A team-limited referral user has options of their own (the deals they see); everyone else shares the organisation's.
        var owner = db.Tenant is { TeamOnly: true } ? actor.UserId : (actor.IsVendor ? 0 : actor.OrganisationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = (nameof(FilterOptions), owner, System.Globalization.CultureInfo.CurrentUICulture.Name);
        if (!cache.TryGetValue(key, out FilterOptions? options) || options is null)
        {
            options = await OptionsAsync(ct);
            cache.Set(key, options, TimeSpan.FromSeconds(30));
        }

        // The chosen customer stays selectable even when it is not among the listed ones.
        var selected = selectedCustomer?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (selected is null || options.Customers.Any(c => c.Value == selected))
        {
            return options;
        }

        var name = await db.Customers.AsNoTracking()
            .Where(c => c.Id == selectedCustomer && db.Deals.Any(d => d.CustomerId == c.Id))
            .Select(c => c.Name).FirstOrDefaultAsync(ct);
        return name is null ? options : options with { Customers = [new FilterOption(selected, name), .. options.Customers] };
    }

    /// <summary>A large partner has thousands of customers: the drop-down lists the most frequent ones; search finds the rest.</summary>
    public const int CustomerOptionLimit = 200;

    private async Task<FilterOptions> OptionsAsync(CancellationToken ct)
    {
        var countries = await db.Deals.AsNoTracking().Select(d => d.LocationCountry).Distinct().ToListAsync(ct);
        var frequent = await db.Deals.AsNoTracking()
            .GroupBy(d => d.CustomerId)
            .Select(g => new { Id = g.Key, Deals = g.Count() })
            .OrderByDescending(g => g.Deals).ThenBy(g => g.Id)
            .Take(CustomerOptionLimit)
            .Select(g => g.Id)
            .ToListAsync(ct);
        var customers = await db.Customers.AsNoTracking()
            .Where(c => frequent.Contains(c.Id))
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        var solutions = await db.Solutions.AsNoTracking()
            .Where(s => db.Deals.Any(d => d.Solutions.Any(x => x.Id == s.Id)))
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(ct);
        return new FilterOptions(
            [.. countries.Select(c => new FilterOption(c, CountryNames.Of(c))).OrderBy(o => o.Label, CountryNames.Order)],
            [.. customers.Select(c => new FilterOption(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name))],
            [.. solutions.Select(s => new FilterOption(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name))]);
    }

    /// <summary>New referrals still inside their review window that this user may accept or decline (none for a referral user).</summary>
    private async Task<Dictionary<WorkspaceTab, int>> AwaitingAsync(Actor actor, DateTime now, CancellationToken ct)
    {
        var decidingTab = actor.IsVendor ? WorkspaceTab.Shared : WorkspaceTab.Inbound;
        var awaiting = db.Deals.AsNoTracking().Where(ReviewState.AwaitingDecision.At(now, ReviewState.DecidedBy(actor)));
        var favourites = db.DealFavourites.Where(f => f.UserId == actor.UserId).Select(f => f.DealId);
        var unread = db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null);
        var readySolutions = db.Solutions.Where(DealCreationPolicy.ReadySolutionOf(actor.OrganisationId));

        // Both capped counts in one round trip, as sub-selects of the user's own organisation row, with the
        // header's per-user facts (unread notifications, the New deal button's solution check): one query, not three.
        var counts = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == actor.OrganisationId)
            .Select(o => new
            {
                Deciding = awaiting.Take(BadgeCap + 1).Count(),
                // Driven from the user's favourites (a few hundred) probing deals by key, not from every
                // awaiting deal of the organisation (thousands at scale) probing the favourites.
                Favourites = favourites.Where(id => awaiting.Any(d => d.Id == id)).Take(BadgeCap + 1).Count(),
                Unread = unread.Count(),
                Ready = readySolutions.Any(),
            })
            .FirstAsync(ct);
        header.UnreadNotifications = counts.Unread;
        header.HasReadySolution = counts.Ready;
        return new Dictionary<WorkspaceTab, int>
        {
            [decidingTab] = counts.Deciding,
            [WorkspaceTab.Favorites] = counts.Favourites,
        };
    }
}
