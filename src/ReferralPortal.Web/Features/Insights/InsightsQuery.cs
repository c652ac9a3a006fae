using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Insights;

/// <summary>
/// Reads the Insights figures; no deal is loaded. The context is already scoped to the user's organisation (the
/// vendor sees every co-sell deal of the programme). The figures come from the rollups (InsightsQuery.Rollups.cs),
/// except for a team-limited referral user, whose figures count only the team's deals: grouped here, over those.
/// </summary>
public sealed partial class InsightsQuery(ReferralsDbContext db, TimeProvider clock)
{
    public const int TopCount = 5;
    public const int Months = 12;

    /// <summary>"Needs attention" holds reviews due within this many days.</summary>
    public const int AttentionDays = ReviewState.DueSoonDays;

    /// <summary>At most this many deals per "needs attention" list, the most urgent first; the list says how many there are in all.</summary>
    public const int AttentionListed = 10;

    /// <summary>
    /// The figures, and with <paramref name="withAttention"/> the "needs attention" lists (the page shows them; the
    /// chart data does not need them).
    /// </summary>
    public async Task<InsightsReport> RunAsync(Actor actor, string? currency, bool withAttention, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // Status and deal type from one pass over the deals (a programme can hold hundreds of thousands).
        var cells = FromRollups ? await StatusCellsFromRollupsAsync(ct) : await db.Deals.AsNoTracking()
            .GroupBy(d => new { d.Status, d.DealType, d.Currency })
            .Select(g => new StatusCell(g.Key.Status, g.Key.DealType, g.Key.Currency, g.Count(), g.Sum(d => d.Value)))
            .ToListAsync(ct);
        var byStatus = cells.GroupBy(c => (c.Status, c.Currency))
            .Select(g => new Cell<DealStatus>(g.Key.Status, g.Key.Currency, g.Sum(c => c.Count), g.Sum(c => c.Value)))
            .ToList();
        var byType = cells.GroupBy(c => (c.DealType, c.Currency))
            .Select(g => new Cell<DealType>(g.Key.DealType, g.Key.Currency, g.Sum(c => c.Count), g.Sum(c => c.Value)))
            .ToList();

        var currencies = byStatus.GroupBy(c => c.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var chosen = ChooseCurrency(currency, byStatus);
        var (median, decided) = FromRollups ? await MedianDaysFromRollupsAsync(ct) : await MedianDaysToDecisionAsync(ct);
        var pipeline = Pipeline(FromRollups ? await StageCellsFromRollupsAsync(ct) : await StageCellsAsync(ct));

        return new InsightsReport(
            actor.IsVendor,
            chosen,
            currencies,
            Split(byStatus, Enum.GetValues<DealStatus>()),
            Split(byType, Enum.GetValues<DealType>()),
            chosen is null ? [] : FromRollups ? await WonLostByMonthFromRollupsAsync(chosen, now, ct) : await WonLostByMonthAsync(chosen, now, ct),
            byStatus.Where(c => c.Key == DealStatus.Won).Sum(c => c.Count),
            byStatus.Where(c => c.Key == DealStatus.Lost).Sum(c => c.Count),
            median,
            decided,
            chosen is null ? [] : FromRollups ? await TopCustomersFromRollupsAsync(chosen, ct) : await TopCustomersAsync(chosen, ct),
            chosen is null ? [] : FromRollups ? await TopSolutionsFromRollupsAsync(chosen, ct) : await TopSolutionsAsync(chosen, ct),
            withAttention ? await ReviewsDueSoonAsync(actor, now, ct) : AttentionList.None,
            withAttention ? await RegistrationsAwaitingAsync(ct) : AttentionList.None,
            now)
        {
            Pipeline = pipeline,
        };
    }

    private sealed record Cell<TKey>(TKey Key, string Currency, int Count, decimal Value);

    private sealed record StatusCell(DealStatus Status, DealType DealType, string Currency, int Count, decimal Value);

    private sealed record StageCell(SalesStage? Stage, string Currency, int Count, decimal Value);

    // Rollups hold every organisation's figures; a team-limited user's count only the team's deals (the rollup filter
    // shows such a user no rollup row at all).
    private bool FromRollups => db.Tenant is not { TeamOnly: true };

    // The currency asked for when the organisation has deals in it; otherwise the one with the most deals.
    private static string? ChooseCurrency(string? requested, List<Cell<DealStatus>> cells)
    {
        var wanted = requested?.Trim().ToUpperInvariant();
        var counts = cells.GroupBy(c => c.Currency).Select(g => (Currency: g.Key, Count: g.Sum(c => c.Count))).ToList();
        return counts.Any(c => c.Currency == wanted)
            ? wanted
            : counts.OrderByDescending(c => c.Count).ThenBy(c => c.Currency, StringComparer.Ordinal).Select(c => c.Currency).FirstOrDefault();
    }

    private static List<SplitFigure<TKey>> Split<TKey>(List<Cell<TKey>> cells, IEnumerable<TKey> keys)
        where TKey : struct, Enum =>
        [.. keys.Select(k =>
        {
            var mine = cells.Where(c => EqualityComparer<TKey>.Default.Equals(c.Key, k)).ToList();
            return new SplitFigure<TKey>(k, mine.Sum(c => c.Count), mine.ToDictionary(c => c.Currency, c => c.Value, StringComparer.Ordinal));
        })];

    // A deal's month is when it was marked won or lost, read from its activity log.
    private async Task<List<MonthFigure>> WonLostByMonthAsync(string currency, DateTime now, CancellationToken ct)
    {
        var first = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1 - Months);
        // The deal's value is joined in and grouped as the element: summing through the navigation inside the group
        // makes EF write a correlated sub-query per group, which read the activity log again per month (45 s at 1M).
        var rows = await db.DealActivities.AsNoTracking()
            .Where(a => (a.Kind == ActivityKind.Won || a.Kind == ActivityKind.Lost) && a.At >= first && a.At <= now)
            .Join(db.Deals.AsNoTracking().Where(d => d.Currency == currency), a => a.DealId, d => d.Id, (a, d) => new { a.At, a.Kind, d.Value })
            .GroupBy(x => new { x.At.Year, x.At.Month, x.Kind }, x => x.Value)
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Kind, Count = g.Count(), Value = g.Sum() })
            .ToListAsync(ct);

        return [.. Enumerable.Range(0, Months).Select(i =>
        {
            var month = first.AddMonths(i);
            var won = rows.FirstOrDefault(r => r.Year == month.Year && r.Month == month.Month && r.Kind == ActivityKind.Won);
            var lost = rows.FirstOrDefault(r => r.Year == month.Year && r.Month == month.Month && r.Kind == ActivityKind.Lost);
            return new MonthFigure(DateOnly.FromDateTime(month), won?.Count ?? 0, won?.Value ?? 0, lost?.Count ?? 0, lost?.Value ?? 0);
        })];
    }

    // Accepted or declined deals only: an expiry is the absence of a decision. The two timestamps are
    // projected (no entity) and the median is taken over the resulting day counts, in whole hours as the rollups keep them.
    private async Task<(double? Median, int Count)> MedianDaysToDecisionAsync(CancellationToken ct)
    {
        var spans = await db.Deals.AsNoTracking()
            .Where(d => d.SharedAt != null && d.DecidedAt != null && d.Status != DealStatus.Expired)
            .Select(d => new { Shared = d.SharedAt!.Value, Decided = d.DecidedAt!.Value })
            .ToListAsync(ct);
        var days = spans.Select(s => DecisionDays((int)Math.Floor((s.Decided - s.Shared).TotalHours))).Order().ToList();
        return (Median(days), days.Count);
    }

    // The open pipeline by sales stage: Active deals, per stage and currency (Won is closed business, not pipeline).
    private Task<List<StageCell>> StageCellsAsync(CancellationToken ct) =>
        db.Deals.AsNoTracking()
            .Where(d => d.Status == DealStatus.Active)
            .GroupBy(d => new { d.Stage, d.Currency })
            .Select(g => new StageCell(g.Key.Stage, g.Key.Currency, g.Count(), g.Sum(d => d.Value)))
            .ToListAsync(ct);

    private static List<StageFigure> Pipeline(List<StageCell> cells) =>
        [.. SalesStages.All.Where(s => s != SalesStage.Won).Select(stage =>
        {
            var mine = cells.Where(c => (c.Stage ?? SalesStage.Accepted) == stage).ToList();
            var values = mine.GroupBy(c => c.Currency).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);
            return new StageFigure(stage, mine.Sum(c => c.Count), values);
        })];

    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };

    // Open or won business counts towards the top lists; declined, lost, expired and erroneous deals do not.
    private IQueryable<Deal> Counted(string currency) => db.Deals.AsNoTracking()
        .Where(d => d.Currency == currency && (d.Status == DealStatus.New || d.Status == DealStatus.Active || d.Status == DealStatus.Won));

    private Task<List<RankedFigure>> TopCustomersAsync(string currency, CancellationToken ct) =>
        Counted(currency)
            .GroupBy(d => new { d.CustomerId, d.Customer.Name })
            .Select(g => new { g.Key.Name, Count = g.Count(), Value = g.Sum(d => d.Value) })
            .OrderByDescending(x => x.Value).ThenBy(x => x.Name)
            .Take(TopCount)
            .Select(x => new RankedFigure(x.Name, x.Count, x.Value))
            .ToListAsync(ct);

    // A deal with several solutions counts its full value towards each of them.
    private Task<List<RankedFigure>> TopSolutionsAsync(string currency, CancellationToken ct) =>
        Counted(currency)
            .SelectMany(d => d.Solutions, (d, s) => new { s.Id, s.Name, d.Value })
            .GroupBy(x => new { x.Id, x.Name })
            .Select(g => new { g.Key.Name, Count = g.Count(), Value = g.Sum(x => x.Value) })
            .OrderByDescending(x => x.Value).ThenBy(x => x.Name)
            .Take(TopCount)
            .Select(x => new RankedFigure(x.Name, x.Count, x.Value))
            .ToListAsync(ct);

    // New referrals awaiting this side's decision (Deal.IsReceivingSide): the vendor decides outbound
    // co-sell deals, a partner decides inbound ones. Overdue ones can no longer be decided.
    private Task<AttentionList> ReviewsDueSoonAsync(Actor actor, DateTime now, CancellationToken ct)
    {
        var due = db.Deals.AsNoTracking().Where(ReviewState.DueSoon.At(now, ReviewState.DecidedBySideOf(actor)));
        return AttentionAsync(
            due.OrderBy(d => d.ReviewDueAt).ThenBy(d => d.Id)
                .Select(d => new AttentionRow(d.Id, d.Name, d.Customer.Name, d.Value, d.Currency, d.ReviewDueAt)),
            due,
            ct);
    }

    // Submitted registrations, the longest waiting first: the vendor must decide them; a partner is waiting for that decision.
    private Task<AttentionList> RegistrationsAwaitingAsync(CancellationToken ct)
    {
        var submitted = db.Deals.AsNoTracking().Where(d => d.RegistrationStatus == RegistrationStatus.Submitted);
        return AttentionAsync(
            submitted.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                .Select(d => new AttentionRow(d.Id, d.Name, d.Customer.Name, d.Value, d.Currency, null)),
            submitted,
            ct);
    }

    private static async Task<AttentionList> AttentionAsync(IQueryable<AttentionRow> ordered, IQueryable<Deal> all, CancellationToken ct)
    {
        var rows = await ordered.Take(AttentionListed).ToListAsync(ct);
        return new AttentionList(rows, rows.Count < AttentionListed ? rows.Count : await all.CountAsync(ct));
    }
}
