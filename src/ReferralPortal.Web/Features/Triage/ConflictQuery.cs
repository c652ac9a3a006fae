using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Triage;

/// <summary>One deal of a possible conflict as the vendor compares it: owner, status, registration, value, dates.</summary>
public sealed record ConflictSide(
    int DealId,
    string Name,
    string OwnerName,
    string CustomerName,
    string CustomerCountry,
    DealStatus Status,
    RegistrationStatus Registration,
    decimal Value,
    string Currency,
    DateTime CreatedAt,
    DateTime? SharedAt,
    DateTime UpdatedAt,
    DateOnly EstimatedCloseDate)
{
    public string ReferralId => Deal.FormatReferralId(DealId);

    public IReadOnlyList<string> Solutions { get; init; } = [];
}

/// <summary>One stored pair, seen from the deal the page is about.</summary>
public sealed record ConflictPairView(long Id, int Version, ConflictSide Other, DateTime DetectedAt, DateTime? ClearedAt, string? ClearedByName, string? Note)
{
    public bool IsCleared => ClearedAt is not null;
}

public sealed record ConflictPage(ConflictSide Deal, IReadOnlyList<ConflictPairView> Pairs, bool CanClear);

/// <summary>
/// Reads the stored conflict pairs for the vendor: which deals of a page carry <b>Possible conflict</b>, the deals of
/// the "Possible conflict" filter, and the side-by-side view. Partners get nothing: the conflicts table's query filter
/// returns no rows to them, and every entry point checks the actor too.
/// </summary>
public sealed class ConflictQuery(ReferralsDbContext db)
{
    /// <summary>The ids of deals in at least one pair not marked Not a conflict whose two deals are both still open.</summary>
    public IQueryable<int> FlaggedDealIds()
    {
        var open = OpenPairs();
        return open.Select(c => c.LowDealId).Concat(open.Select(c => c.HighDealId));
    }

    /// <summary>Which of these deals (a page's rows) carry the badge; empty for partners.</summary>
    public async Task<IReadOnlySet<int>> FlaggedAsync(Actor actor, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (!actor.IsVendor || ids.Count == 0)
        {
            return new HashSet<int>();
        }

        var pairs = await OpenPairs()
            .Where(c => EF.Parameter(ids).Contains(c.LowDealId) || EF.Parameter(ids).Contains(c.HighDealId))
            .Select(c => new { c.LowDealId, c.HighDealId })
            .ToListAsync(ct);
        return pairs.SelectMany(p => new[] { p.LowDealId, p.HighDealId }).Where(ids.Contains).ToHashSet();
    }

    /// <summary>The side-by-side view of a deal and every deal stored as conflicting with it; null for partners or an unseen deal.</summary>
    public async Task<ConflictPage?> PageAsync(Actor actor, int dealId, CancellationToken ct)
    {
        if (!actor.IsVendor)
        {
            return null;
        }

        var pairs = await db.DealConflicts.AsNoTracking()
            .Where(c => c.LowDealId == dealId || c.HighDealId == dealId)
            .OrderBy(c => c.ClearedAt != null).ThenBy(c => c.DetectedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var ids = pairs.Select(p => p.OtherThan(dealId)).Append(dealId).Distinct().ToList();
        var sides = await SidesAsync(ids, ct);
        if (!sides.TryGetValue(dealId, out var deal))
        {
            return null;
        }

        var views = pairs
            .Where(p => sides.ContainsKey(p.OtherThan(dealId)))
            .Select(p => new ConflictPairView(p.Id, p.Version, sides[p.OtherThan(dealId)], p.DetectedAt, p.ClearedAt, p.ClearedByName, p.Note))
            .ToList();
        return new ConflictPage(deal, views, actor.IsVendorReviewer);
    }

    private async Task<Dictionary<int, ConflictSide>> SidesAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        // The tenant filter still applies: the vendor reads co-sell deals only.
        var rows = await db.Deals.AsNoTracking()
            .Where(d => EF.Parameter(ids).Contains(d.Id))
            .Join(db.Organisations, d => d.OwnerOrganisationId, o => o.Id, (d, o) => new ConflictSide(
                d.Id, d.Name, o.Name, d.Customer.Name, d.Customer.Country, d.Status, d.RegistrationStatus, d.Value, d.Currency,
                d.CreatedAt, d.SharedAt, d.UpdatedAt, d.EstimatedCloseDate))
            .ToListAsync(ct);
        var solutions = (await db.Deals.AsNoTracking()
                .Where(d => EF.Parameter(ids).Contains(d.Id))
                .SelectMany(d => d.Solutions, (d, s) => new { d.Id, s.Name, s.Area })
                .ToListAsync(ct))
            .ToLookup(x => x.Id, x => x.Area is null ? x.Name : $"{x.Name} ({x.Area})");
        return rows.ToDictionary(r => r.DealId, r => r with { Solutions = [.. solutions[r.DealId].Order(StringComparer.CurrentCulture)] });
    }

    // Not marked Not a conflict, and both deals still open (a closed deal no longer competes).
    private IQueryable<DealConflict> OpenPairs() =>
        db.DealConflicts.AsNoTracking()
            .Where(c => c.ClearedAt == null
                && db.Deals.Any(d => d.Id == c.LowDealId && (d.Status == DealStatus.New || d.Status == DealStatus.Active))
                && db.Deals.Any(d => d.Id == c.HighDealId && (d.Status == DealStatus.New || d.Status == DealStatus.Active)));
}

/// <summary>The vendor's triage panel on the deal page: the conflict badge and the assigned reviewer.</summary>
public sealed record DealTriageView(int DealId, int Version, bool PossibleConflict, bool HasConflicts, string? AssignedReviewerName, bool CanAssign, bool AssignedToMe, IReadOnlyList<Reviewer> Reviewers)
{
    /// <summary>The vendor may withdraw this inbound referral it sent (still New).</summary>
    public bool CanWithdraw { get; init; }
}
