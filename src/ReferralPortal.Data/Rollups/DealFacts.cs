using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Data.Rollups;

/// <summary>The facts of one deal that the rollups count: the one definition of what a deal contributes.</summary>
internal sealed record DealFacts(
    int Id,
    int OrganisationId,
    DealType DealType,
    DealStatus Status,
    SalesStage? Stage,
    string Currency,
    decimal Value,
    DateTime? SharedAt,
    DateTime? DecidedAt,
    int CustomerId,
    IReadOnlyList<int> SolutionIds,
    IReadOnlyList<(ActivityKind Kind, DateTime At)> Closings)
{
    /// <summary>The rollup rows this deal adds one to (with its value in cents), as Insights defines its figures.</summary>
    public IEnumerable<(RollupKey Key, long Cents)> Contributions()
    {
        var cents = (long)decimal.Round(Value * 100m);
        yield return (Row(DealRollupDimension.Status, Status.ToString(), Currency), cents);
        if (Status == DealStatus.Active)
        {
            yield return (Row(DealRollupDimension.Stage, (Stage ?? SalesStage.Accepted).ToString(), Currency), cents);
        }

        foreach (var (kind, at) in Closings)
        {
            yield return (Row(DealRollupDimension.Closed, DealRollupDimension.ClosedKey(at.Year, at.Month, kind), Currency), cents);
        }

        // Accepted or declined only: an expiry is the absence of a decision.
        if (SharedAt is { } shared && DecidedAt is { } decided && Status != DealStatus.Expired)
        {
            var hours = (int)Math.Floor((decided - shared).TotalHours);
            yield return (Row(DealRollupDimension.Decision, DealRollupDimension.DecisionKey(Math.Max(hours, 0)), string.Empty), 0);
        }

        // Open or won business counts towards the top lists; declined, lost, expired and erroneous deals do not.
        if (Status is DealStatus.New or DealStatus.Active or DealStatus.Won)
        {
            yield return (Row(DealRollupDimension.Customer, CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture), Currency), cents);
            foreach (var solution in SolutionIds.Distinct())
            {
                yield return (Row(DealRollupDimension.Solution, solution.ToString(System.Globalization.CultureInfo.InvariantCulture), Currency), cents);
            }
        }
    }

    private RollupKey Row(string dimension, string key, string currency) => new(OrganisationId, DealType, dimension, key, currency);

    /// <summary>
    /// The facts of the given deals as stored now (unscoped: the writer counts every deal, whoever saves it). With
    /// <paramref name="ids"/> null, the deals with ids in (<paramref name="after"/>, <paramref name="upTo"/>].
    /// </summary>
    public static async Task<List<DealFacts>> LoadAsync(ReferralsDbContext db, IReadOnlyCollection<int>? ids, int after, int upTo, CancellationToken ct)
    {
        var deals = db.Deals.IgnoreQueryFilters().AsNoTracking();
        var activities = db.DealActivities.IgnoreQueryFilters().AsNoTracking();
        if (ids is not null)
        {
            var list = ids.ToList();
            deals = deals.Where(d => list.Contains(d.Id));
            activities = activities.Where(a => list.Contains(a.DealId));
        }
        else
        {
            deals = deals.Where(d => d.Id > after && d.Id <= upTo);
            activities = activities.Where(a => a.DealId > after && a.DealId <= upTo);
        }

        var rows = await deals
            .Select(d => new { d.Id, d.OwnerOrganisationId, d.DealType, d.Status, d.Stage, d.Currency, d.Value, d.SharedAt, d.DecidedAt, d.CustomerId })
            .ToListAsync(ct);
        var solutions = (await deals.SelectMany(d => d.Solutions, (d, s) => new { DealId = d.Id, SolutionId = s.Id }).ToListAsync(ct))
            .ToLookup(x => x.DealId, x => x.SolutionId);
        var closings = (await activities
                .Where(a => a.Kind == ActivityKind.Won || a.Kind == ActivityKind.Lost)
                .Select(a => new { a.DealId, a.Kind, a.At })
                .ToListAsync(ct))
            .ToLookup(x => x.DealId, x => (x.Kind, x.At));
        return [.. rows.Select(d => new DealFacts(
            d.Id, d.OwnerOrganisationId, d.DealType, d.Status, d.Stage, d.Currency, d.Value, d.SharedAt, d.DecidedAt, d.CustomerId,
            [.. solutions[d.Id]], [.. closings[d.Id]]))];
    }
}

/// <summary>The identity of one rollup row.</summary>
internal readonly record struct RollupKey(int OrganisationId, DealType DealType, string Dimension, string Key, string Currency);

/// <summary>Counts and cents per rollup row, added up from deals' contributions.</summary>
internal sealed class RollupDeltas
{
    private readonly Dictionary<RollupKey, (long Count, long Cents)> rows = [];

    public IEnumerable<KeyValuePair<RollupKey, (long Count, long Cents)>> NonZero =>
        rows.Where(r => r.Value != (0, 0))
            .OrderBy(r => r.Key.OrganisationId).ThenBy(r => r.Key.Dimension, StringComparer.Ordinal).ThenBy(r => r.Key.DealType)
            .ThenBy(r => r.Key.Key, StringComparer.Ordinal).ThenBy(r => r.Key.Currency, StringComparer.Ordinal);

    public void Add(IEnumerable<DealFacts> deals, int sign)
    {
        foreach (var deal in deals)
        {
            foreach (var (key, cents) in deal.Contributions())
            {
                var (count, sum) = rows.GetValueOrDefault(key);
                rows[key] = (count + sign, sum + (sign * cents));
            }
        }
    }
}
