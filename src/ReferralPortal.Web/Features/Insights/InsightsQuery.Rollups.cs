using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Rollups;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Insights;

/// <summary>
/// The Insights figures read from the rollup rows (<see cref="DealRollup"/>), which every deal change keeps current:
/// a few hundred summary rows per organisation instead of every deal. The rollup query filter scopes them as the
/// deals are scoped (the partner's organisation, or every organisation's co-sell rows for the vendor).
/// </summary>
public sealed partial class InsightsQuery
{
    private IQueryable<DealRollup> Rollups(string dimension) =>
        db.DealRollups.AsNoTracking().Where(r => r.Dimension == dimension && r.Count != 0);

    private async Task<List<StatusCell>> StatusCellsFromRollupsAsync(CancellationToken ct)
    {
        var rows = await Rollups(DealRollupDimension.Status)
            .GroupBy(r => new { r.Key, r.DealType, r.Currency })
            .Select(g => new { g.Key.Key, g.Key.DealType, g.Key.Currency, Count = g.Sum(r => r.Count), Cents = g.Sum(r => r.ValueCents) })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Count != 0).Select(r => new StatusCell(Enum.Parse<DealStatus>(r.Key), r.DealType, r.Currency, (int)r.Count, r.Cents / 100m))];
    }

    private async Task<List<StageCell>> StageCellsFromRollupsAsync(CancellationToken ct)
    {
        var rows = await Rollups(DealRollupDimension.Stage)
            .GroupBy(r => new { r.Key, r.Currency })
            .Select(g => new { g.Key.Key, g.Key.Currency, Count = g.Sum(r => r.Count), Cents = g.Sum(r => r.ValueCents) })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Count != 0).Select(r => new StageCell(Enum.Parse<SalesStage>(r.Key), r.Currency, (int)r.Count, r.Cents / 100m))];
    }

    private async Task<List<MonthFigure>> WonLostByMonthFromRollupsAsync(string currency, DateTime now, CancellationToken ct)
    {
        var first = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1 - Months);
        var from = DealRollupDimension.ClosedKey(first.Year, first.Month, default).Split('|')[0];
        var rows = (await Rollups(DealRollupDimension.Closed)
                .Where(r => r.Currency == currency)
                .GroupBy(r => r.Key)
                .Select(g => new { g.Key, Count = g.Sum(r => r.Count), Cents = g.Sum(r => r.ValueCents) })
                .ToListAsync(ct))
            .Where(r => string.CompareOrdinal(r.Key, from) >= 0)
            .ToDictionary(r => r.Key, StringComparer.Ordinal);

        return [.. Enumerable.Range(0, Months).Select(i =>
        {
            var month = first.AddMonths(i);
            var won = rows.GetValueOrDefault(DealRollupDimension.ClosedKey(month.Year, month.Month, ActivityKind.Won));
            var lost = rows.GetValueOrDefault(DealRollupDimension.ClosedKey(month.Year, month.Month, ActivityKind.Lost));
            return new MonthFigure(DateOnly.FromDateTime(month), (int)(won?.Count ?? 0), (won?.Cents ?? 0) / 100m, (int)(lost?.Count ?? 0), (lost?.Cents ?? 0) / 100m);
        })];
    }

    // The median over a histogram of whole hours from share to decision.
    private async Task<(double? Median, int Count)> MedianDaysFromRollupsAsync(CancellationToken ct)
    {
        var histogram = (await Rollups(DealRollupDimension.Decision)
                .GroupBy(r => r.Key)
                .Select(g => new { g.Key, Count = g.Sum(r => r.Count) })
                .ToListAsync(ct))
            .Where(h => h.Count > 0)
            .Select(h => (Hours: int.Parse(h.Key, CultureInfo.InvariantCulture), h.Count))
            .OrderBy(h => h.Hours)
            .ToList();
        var total = histogram.Sum(h => h.Count);
        if (total == 0)
        {
            return (null, 0);
        }

        double At(long index)
        {
            foreach (var (hours, count) in histogram)
            {
                if (index < count)
                {
                    return DecisionDays(hours);
                }

                index -= count;
            }

            throw new InvalidOperationException("The index lies beyond the histogram.");
        }

        var median = total % 2 == 1 ? At(total / 2) : (At((total / 2) - 1) + At(total / 2)) / 2;
        return (median, (int)total);
    }

    private static double DecisionDays(int hours) => hours / 24d;

    private Task<List<RankedFigure>> TopCustomersFromRollupsAsync(string currency, CancellationToken ct) =>
        TopFromRollupsAsync(DealRollupDimension.Customer, currency, async ids =>
            await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct), ct);

    private Task<List<RankedFigure>> TopSolutionsFromRollupsAsync(string currency, CancellationToken ct) =>
        TopFromRollupsAsync(DealRollupDimension.Solution, currency, async ids =>
            await db.Solutions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct), ct);

    // The first TopCount keys by value, then by name. One more row than needed is read: when it ties the last one
    // on value, every key with that value is read, so that names decide the ties as they do for the live figures.
    private async Task<List<RankedFigure>> TopFromRollupsAsync(string dimension, string currency, Func<List<int>, Task<Dictionary<int, string>>> names, CancellationToken ct)
    {
        var grouped = Rollups(dimension).Where(r => r.Currency == currency)
            .GroupBy(r => r.Key)
            .Select(g => new { g.Key, Count = g.Sum(r => r.Count), Cents = g.Sum(r => r.ValueCents) })
            .Where(g => g.Count > 0);
        var top = await grouped.OrderByDescending(g => g.Cents).ThenBy(g => g.Key).Take(TopCount + 1).ToListAsync(ct);
        if (top.Count > TopCount && top[TopCount].Cents == top[TopCount - 1].Cents)
        {
            var tie = top[TopCount - 1].Cents;
            top = [.. top.Take(TopCount).Where(g => g.Cents != tie), .. await grouped.Where(g => g.Cents == tie).ToListAsync(ct)];
        }

        var ids = top.Select(g => int.Parse(g.Key, CultureInfo.InvariantCulture)).ToList();
        var named = await names(ids);
        return [.. top
            .Where(g => named.ContainsKey(int.Parse(g.Key, CultureInfo.InvariantCulture)))
            .Select(g => new RankedFigure(named[int.Parse(g.Key, CultureInfo.InvariantCulture)], (int)g.Count, g.Cents / 100m))
            .OrderByDescending(f => f.Value).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Take(TopCount)];
    }
}
