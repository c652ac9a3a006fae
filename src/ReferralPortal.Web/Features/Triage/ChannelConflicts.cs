using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Triage;

/// <summary>
/// Finds and stores possible channel conflicts (issue 19) with <see cref="ChannelConflictRule"/>. Every read is an
/// index probe, never a scan of the deals: the customers with the deal's customer id or its company key in its
/// country (index Country + MatchKey), then the open deals of those customers (index CustomerId + Status).
/// The reads ignore the tenant filters on purpose: a partner's own action (create, upgrade, submit) must be compared
/// with other partners' deals; nothing read here is shown to the actor, only pairs are stored, in a table only the
/// vendor can read.
/// </summary>
public sealed class ChannelConflicts(ReferralsDbContext db, TimeProvider clock, ILogger<ChannelConflicts> log)
{
    /// <summary>A single customer record rarely has more open deals than this; the look-up never reads more.</summary>
    public const int CandidateLimit = 200;

    private static readonly DealStatus[] Open = [DealStatus.New, DealStatus.Active];

    /// <summary>The activities after which detection runs: created, upgraded, submitted for registration, registration decided.</summary>
    public static bool Triggers(ActivityKind kind) => kind is ActivityKind.Created or ActivityKind.UpgradedToCoSell
        or ActivityKind.RegistrationSubmitted or ActivityKind.RegistrationApproved or ActivityKind.RegistrationRejected;

    /// <summary>
    /// Detection after a change that is already saved: a failure here is logged and never undoes or fails the
    /// user's action (the next trigger on either deal finds the pair again).
    /// </summary>
    public async Task AfterSaveAsync(int dealId, CancellationToken ct)
    {
        try
        {
            await DetectAsync(dealId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Channel-conflict detection failed for deal {DealId}", dealId);
        }
    }

    /// <summary>Stores a pair for each other partner's deal that conflicts with this one; returns how many pairs are new.</summary>
    public async Task<int> DetectAsync(int dealId, CancellationToken ct)
    {
        var (deal, candidates) = await ReadAsync(dealId, ct);
        if (deal is null)
        {
            return 0;
        }

        var conflicting = ChannelConflictRule.ConflictsOf(deal, candidates);
        if (conflicting.Count == 0)
        {
            return 0;
        }

        var known = await db.DealConflicts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.LowDealId == dealId || c.HighDealId == dealId)
            .Select(c => new { c.LowDealId, c.HighDealId })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = conflicting
            .Where(o => !known.Any(k => ConflictPair.Of(dealId, o.DealId) == new ConflictPair(k.LowDealId, k.HighDealId)))
            .Select(o => DealConflict.Between(dealId, o.DealId, now))
            .ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        db.DealConflicts.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Two requests found the same pair at once: the unique index kept one; that is the pair we wanted.
            log.LogInformation(e, "A conflict pair for deal {DealId} was stored by another request", dealId);
            foreach (var pair in added)
            {
                db.Entry(pair).State = EntityState.Detached;
            }

            return 0;
        }

        return added.Count;
    }

    /// <summary>
    /// Why a reviewer may not approve this deal's registration now: another partner holds an approved registration
    /// for the same customer and solution (<see cref="ChannelConflictRule.WhyNotApprove"/>); null when nothing stands in the way.
    /// </summary>
    public async Task<string?> WhyNotApproveAsync(int dealId, CancellationToken ct)
    {
        var (deal, candidates) = await ReadAsync(dealId, ct);
        if (deal is null)
        {
            return null;
        }

        var cleared = await db.DealConflicts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => (c.LowDealId == dealId || c.HighDealId == dealId) && c.ClearedAt != null)
            .Select(c => new { c.LowDealId, c.HighDealId })
            .ToListAsync(ct);
        return ChannelConflictRule.WhyNotApprove(deal, candidates, cleared.Select(c => new ConflictPair(c.LowDealId, c.HighDealId)).ToHashSet());
    }

    private async Task<(ConflictParty? Deal, List<ConflictParty> Candidates)> ReadAsync(int dealId, CancellationToken ct)
    {
        var deal = await Party(dealId).FirstOrDefaultAsync(ct);
        if (deal is null || deal.DealType != DealType.CoSell || Deal.IsTerminalStatus(deal.Status))
        {
            return (null, []);
        }

        var customerIds = await SameCustomers(deal).ToListAsync(ct);
        var candidates = await Candidates(deal, customerIds).ToListAsync(ct);
        var solutions = (await SolutionsOf([deal.DealId, .. candidates.Select(c => c.DealId)]).ToListAsync(ct))
            .ToLookup(s => s.DealId, s => new ConflictSolution(s.SolutionId, s.Area));
        return (deal with { Solutions = [.. solutions[deal.DealId]] }, [.. candidates.Select(c => c with { Solutions = [.. solutions[c.DealId]] })]);
    }

    /// <summary>The deal's customer and its manually added twins (same company key and country): index probes of Customers.</summary>
    public IQueryable<int> SameCustomers(ConflictParty deal)
    {
        var key = deal.CustomerMatchKey;
        var manual = deal.CustomerAddedManually;
        var country = deal.CustomerCountry;
        return db.Customers.AsNoTracking()
            .Where(c => c.Id == deal.CustomerId
                || (key != string.Empty && c.Country == country && c.MatchKey == key && (manual || c.AddedManually)))
            .Select(c => c.Id)
            .Take(CandidateLimit);
    }

    /// <summary>Other partners' open co-sell deals of those customers: read from the customer's deals (index CustomerId + Status), never a scan.</summary>
    public IQueryable<ConflictParty> Candidates(ConflictParty deal, IReadOnlyCollection<int> customerIds)
    {
        var owner = deal.OwnerOrganisationId;
        var dealId = deal.DealId;
        return Parties(db.Deals.IgnoreQueryFilters()
            .Where(d => customerIds.Contains(d.CustomerId) && Open.Contains(d.Status)
                && d.Id != dealId && d.OwnerOrganisationId != owner && d.DealType == DealType.CoSell)
            .OrderBy(d => d.Id)
            .Take(CandidateLimit));
    }

    /// <summary>The deal as detection compares it, by key (its solutions are read by <see cref="SolutionsOf"/>).</summary>
    public IQueryable<ConflictParty> Party(int dealId) => Parties(db.Deals.IgnoreQueryFilters().Where(d => d.Id == dealId));

    /// <summary>
    /// The solutions of the deals compared, with their areas, in one query from the deals' links by deal key. Read
    /// apart from the deals on purpose: as a collection inside the deals' projection, SQLite materialised every
    /// deal's links joined to their solutions before picking these deals' (1.4 s per create at a million deals).
    /// </summary>
    public IQueryable<ConflictDealSolution> SolutionsOf(IReadOnlyCollection<int> dealIds) =>
        db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => dealIds.Contains(d.Id))
            .SelectMany(d => d.Solutions, (d, s) => new ConflictDealSolution(d.Id, s.Id, s.Area));

    private static IQueryable<ConflictParty> Parties(IQueryable<Deal> deals) =>
        deals.AsNoTracking().Select(d => new ConflictParty(
            d.Id,
            d.OwnerOrganisationId,
            d.CustomerId,
            d.Customer.AddedManually,
            d.Customer.MatchKey,
            d.Customer.Country,
            d.DealType,
            d.Status,
            d.RegistrationStatus,
            Array.Empty<ConflictSolution>()));
}

/// <summary>One solution of a deal that detection compares.</summary>
public sealed record ConflictDealSolution(int DealId, int SolutionId, string? Area);
