using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>
/// The deals of one workspace view (tab + filters + order), shared by the table and the CSV export so both
/// always show the same rows. The context's tenant filters already limit it to what the user may see.
/// </summary>
public sealed class WorkspaceDeals(ReferralsDbContext db, IDealSearch search, Triage.ConflictQuery conflicts)
{
    public IQueryable<Deal> Filtered(Actor actor, WorkspaceTab tab, WorkspaceFilter f)
    {
        var deals = OfTab(db.Deals.AsNoTracking(), actor, tab);
        if (f.Country is { } country)
        {
            deals = deals.Where(d => d.LocationCountry == country);
        }

        if (f.CustomerId is { } customer)
        {
            deals = deals.Where(d => d.CustomerId == customer);
        }

        if (f.Type is { } type)
        {
            deals = deals.Where(d => d.DealType == type);
        }

        if (f.SolutionId is { } solution)
        {
            deals = deals.Where(d => d.Solutions.Any(s => s.Id == solution));
        }

        if (f.Status is { } status)
        {
            deals = deals.Where(d => d.Status == status);
        }

        if (f.Registration is { } registration)
        {
            deals = deals.Where(d => d.RegistrationStatus == registration);
        }

        if (f.Stage is { } stage)
        {
            // "At this stage" (Active or Won, at the stage) is exactly the Stage column's sort key for that stage
            // (DealSortKeys.RankOf, kept in the same transaction as every change): one indexed column instead of
            // two, so the capped count reads only the matching index entries and the page reads them newest first.
            var rank = DealSortKeys.RankOf(DealStatus.Active, stage);
            deals = deals.Where(d => EF.Property<int>(d, DealSortKeys.StageRank) == rank);
        }

        if (f.AssignedToMe && !actor.IsVendor)
        {
            var me = actor.UserId;
            deals = deals.Where(d => d.Team.Any(m => m.UserId == me));
        }

        // The vendor's triage filters (issue 19); a partner's query string cannot reach them.
        if (actor.IsVendor)
        {
            deals = TriageFiltered(deals, actor, f);
        }

        if (f.Search is { } text)
        {
            deals = search.Apply(deals, text);
        }

        return deals;
    }

    private IQueryable<Deal> TriageFiltered(IQueryable<Deal> deals, Actor actor, WorkspaceFilter f)
    {
        if (f.PartnerId is { } partner)
        {
            deals = deals.Where(d => d.OwnerOrganisationId == partner);
        }

        if (f.AssignedToMe)
        {
            var me = actor.UserId;
            deals = deals.Where(d => d.AssignedReviewerId == me);
        }
        else if (f.Unassigned)
        {
            deals = deals.Where(d => d.AssignedReviewerId == null);
        }

        if (f.PossibleConflict)
        {
            // IN (the flagged ids): driven from the few stored pairs, probing deals by key.
            var flagged = conflicts.FlaggedDealIds();
            deals = deals.Where(d => flagged.Contains(d.Id));
        }

        return deals;
    }

    /// <summary>
    /// Deals by id, e.g. ones already matched by <see cref="Filtered"/> or a page's rows (the tenant's filters still
    /// apply). The ids go as one parameter (a JSON array on SQLite) rather than one parameter per id, so a long list
    /// stays one statement and EF Core reuses its SQL instead of writing it afresh for every count of ids.
    /// </summary>
    public IQueryable<Deal> WithIds(IReadOnlyCollection<int> ids) =>
        db.Deals.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.Id));

    public IQueryable<Deal> OfTab(IQueryable<Deal> deals, Actor actor, WorkspaceTab tab)
    {
        switch (tab)
        {
            case WorkspaceTab.Inbound or WorkspaceTab.Sent:
                return deals.Where(d => d.Direction == DealDirection.Inbound);
            case WorkspaceTab.Outbound or WorkspaceTab.Shared:
                return deals.Where(d => d.Direction == DealDirection.Outbound);
            case WorkspaceTab.Registrations:
                return actor.IsVendor ? deals.Where(d => d.RegistrationStatus == RegistrationStatus.Submitted) : deals.Where(d => false);
            default:
                // IN (favourite ids) lets the database start from the user's few favourites, not from every deal.
                var favourites = db.DealFavourites.Where(f => f.UserId == actor.UserId).Select(f => f.DealId);
                return deals.Where(d => favourites.Contains(d.Id));
        }
    }

    /// <summary>
    /// The view's deals in its order, as ordered parts read one after the other: the two parts of
    /// <see cref="NewOnesFirst"/>, or the one <see cref="Ordered"/> query.
    /// </summary>
    public static IReadOnlyList<IQueryable<Deal>> InOrder(IQueryable<Deal> deals, WorkspaceTab tab, WorkspaceFilter f) =>
        NewOnesFirst(tab, f) ? [ByReviewDue(NewOnes(deals)), RestNewestFirst(deals)] : [Ordered(deals, tab, f)];

    /// <summary><see cref="Ordered(IQueryable{Deal}, WorkspaceFilter)"/>, except the Registrations tab's default: oldest submission first.</summary>
    public static IOrderedQueryable<Deal> Ordered(IQueryable<Deal> deals, WorkspaceTab tab, WorkspaceFilter f) =>
        tab == WorkspaceTab.Registrations && f.Sort is null
            ? deals.OrderBy(d => d.RegistrationSubmittedAt).ThenBy(d => d.Id)
            : Ordered(deals, f);

    /// <summary>
    /// The chosen column and direction with the ID as a stable tie-break; without a choice, newest first. The customer,
    /// partner, stage and solutions columns sort by the deal's copied sort keys (<see cref="DealSortKeys"/>), which
    /// have indexes per tab scope like every other column.
    /// </summary>
    public static IOrderedQueryable<Deal> Ordered(IQueryable<Deal> deals, WorkspaceFilter f)
    {
        if (f.Sort is not { } sort)
        {
            return deals.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id);
        }

        var desc = f.Descending;
        var ordered = sort switch
        {
            SortColumn.Name => By(deals, d => d.Name, desc),
            SortColumn.Customer => By(deals, d => EF.Property<string>(d, DealSortKeys.CustomerName), desc),
            SortColumn.Partner => By(deals, d => EF.Property<string>(d, DealSortKeys.PartnerName), desc),
            SortColumn.Country => By(deals, d => d.LocationCountry, desc),
            SortColumn.Value => By(deals, d => d.Value, desc),
            SortColumn.Status => By(deals, d => d.Status, desc),
            SortColumn.Type => By(deals, d => d.DealType, desc),
            SortColumn.Registration => By(deals, d => d.RegistrationStatus, desc),
            SortColumn.Stage => By(deals, d => EF.Property<int>(d, DealSortKeys.StageRank), desc),
            SortColumn.ReviewDue => By(deals, d => d.ReviewDueAt, desc),
            SortColumn.Solutions => By(deals, d => EF.Property<string?>(d, DealSortKeys.SolutionName), desc),
            _ => By(deals, d => d.UpdatedAt, desc),
        };
        return desc ? ordered.ThenByDescending(d => d.Id) : ordered.ThenBy(d => d.Id);
    }

    /// <summary>
    /// Whether the view is in the default order of the tabs where this side decides (Inbound, Shared with us): New
    /// referrals first by review due date, then the rest newest first. It is read as its two parts
    /// (<see cref="NewOnes"/> in <see cref="ByReviewDue"/> order, then <see cref="RestNewestFirst"/>), each in an
    /// order an index gives; one ORDER BY over the whole expression sorted every deal of the view first, 2.3 s for
    /// the vendor's 680,000 shared deals at a million deals.
    /// </summary>
    public static bool NewOnesFirst(WorkspaceTab tab, WorkspaceFilter f) =>
        f.Sort is null && tab is WorkspaceTab.Inbound or WorkspaceTab.Shared && !KeepsNoNewOnes(f);

    /// <summary>
    /// A Stage filter (Active or Won deals) or a Status filter other than New leaves no New referral in the view: its
    /// default order is newest first, read as one query. Asked for the New ones anyway, SQLite went through every New
    /// deal of the tab to find none at the stage (1.7 s for the vendor's 54,000 at a million deals).
    /// </summary>
    private static bool KeepsNoNewOnes(WorkspaceFilter f) => f.Stage is not null || f.Status is { } status && status != DealStatus.New;

    public static IQueryable<Deal> NewOnes(IQueryable<Deal> deals) => deals.Where(d => d.Status == DealStatus.New);

    public static IOrderedQueryable<Deal> ByReviewDue(IQueryable<Deal> newOnes) =>
        newOnes.OrderBy(d => d.ReviewDueAt).ThenByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id);

    public static IOrderedQueryable<Deal> RestNewestFirst(IQueryable<Deal> deals) =>
        deals.Where(d => d.Status != DealStatus.New).OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id);

    private static IOrderedQueryable<Deal> By<TKey>(IQueryable<Deal> deals, System.Linq.Expressions.Expression<Func<Deal, TKey>> key, bool desc) =>
        desc ? deals.OrderByDescending(key) : deals.OrderBy(key);
}
