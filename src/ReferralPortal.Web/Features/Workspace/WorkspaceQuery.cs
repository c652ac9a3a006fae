using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

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
    bool IsFavourite)
{
    public string ReferralId => Deal.FormatReferralId(Id);
}

public sealed record WorkspacePage(WorkspaceTab Tab, IReadOnlyList<WorkspaceTab> Tabs, IReadOnlyList<DealRow> Rows, DateTime Now);

/// <summary>Reads one workspace tab. The context is already scoped to the user's organisation.</summary>
public sealed class WorkspaceQuery(ReferralsDbContext db, TimeProvider clock)
{
    public async Task<WorkspacePage> RunAsync(Actor actor, WorkspaceTab tab, CancellationToken ct)
    {
        var deals = Filter(db.Deals.AsNoTracking(), actor, tab);
        var rows = await deals
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Take(25)
            .Select(d => new DealRow(
                d.Id, d.Name, d.Customer.Name, d.LocationCountry, d.Value, d.Currency, d.Status, d.DealType, d.RegistrationStatus,
                d.ReviewDueAt, d.UpdatedAt, db.DealFavourites.Any(f => f.DealId == d.Id && f.UserId == actor.UserId)))
            .ToListAsync(ct);
        return new WorkspacePage(tab, WorkspaceTabs.For(actor), rows, clock.GetUtcNow().UtcDateTime);
    }

    private IQueryable<Deal> Filter(IQueryable<Deal> deals, Actor actor, WorkspaceTab tab) => tab switch
    {
        WorkspaceTab.Inbound or WorkspaceTab.Sent => deals.Where(d => d.Direction == DealDirection.Inbound),
        WorkspaceTab.Outbound or WorkspaceTab.Shared => deals.Where(d => d.Direction == DealDirection.Outbound),
        _ => deals.Where(d => db.DealFavourites.Any(f => f.DealId == d.Id && f.UserId == actor.UserId)),
    };
}
