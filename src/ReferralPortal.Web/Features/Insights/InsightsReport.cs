using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Insights;

/// <summary>
/// The Insights dashboard for one organisation (or the whole programme for the vendor). Amounts are
/// never converted between currencies: value figures are either per currency or for the chosen one.
/// </summary>
public sealed record InsightsReport(
    bool IsVendor,
    string? Currency,
    IReadOnlyList<string> Currencies,
    IReadOnlyList<SplitFigure<DealStatus>> ByStatus,
    IReadOnlyList<SplitFigure<DealType>> ByType,
    IReadOnlyList<MonthFigure> WonLostByMonth,
    int WonCount,
    int LostCount,
    double? MedianDaysToDecision,
    int DecidedCount,
    IReadOnlyList<RankedFigure> TopCustomers,
    IReadOnlyList<RankedFigure> TopSolutions,
    AttentionList ReviewsDueSoon,
    AttentionList RegistrationsAwaiting,
    DateTime Now)
{
    /// <summary>Won share of the closed (won or lost) deals, 0–1; null when none is closed yet.</summary>
    public double? WinRate => WonCount + LostCount == 0 ? null : (double)WonCount / (WonCount + LostCount);

    public int TotalDeals => ByStatus.Sum(s => s.Count);

    /// <summary>Open pipeline (New and Active) in the chosen currency.</summary>
    public decimal OpenValue => Currency is null ? 0 : ByStatus
        .Where(s => s.Key is DealStatus.New or DealStatus.Active)
        .Sum(s => s.ValueIn(Currency));

    public int OpenCount => ByStatus.Where(s => s.Key is DealStatus.New or DealStatus.Active).Sum(s => s.Count);

    /// <summary>Active deals by sales stage, with open and weighted value per currency.</summary>
    public IReadOnlyList<StageFigure> Pipeline { get; init; } = [];

    /// <summary>The Review SLA view (ReviewSlaQuery): programme admins only, null for everyone else.</summary>
    public ReviewSlaReport? ReviewSla { get; init; }

    /// <summary>The currencies the pipeline has value in, in the order of <see cref="Currencies"/>.</summary>
    public IReadOnlyList<string> PipelineCurrencies => [.. Currencies.Where(c => Pipeline.Any(p => p.ValueIn(c) != 0))];

    public decimal PipelineOpen(string currency) => Pipeline.Sum(p => p.ValueIn(currency));

    /// <summary>The value weighted by stage probability in one currency (never summed across currencies).</summary>
    public decimal PipelineWeighted(string currency) => Pipeline.Sum(p => p.WeightedIn(currency));
}

/// <summary>Active deals at one sales stage: how many, their value per currency, and that value weighted by the stage's probability.</summary>
public sealed record StageFigure(SalesStage Stage, int Count, IReadOnlyDictionary<string, decimal> Values)
{
    public decimal ValueIn(string currency) => Values.TryGetValue(currency, out var v) ? v : 0;

    public decimal WeightedIn(string currency) => SalesStages.Weighted(ValueIn(currency), Stage);
}

/// <summary>A count over all currencies and the value in each currency, for one status or deal type.</summary>
public sealed record SplitFigure<TKey>(TKey Key, int Count, IReadOnlyDictionary<string, decimal> Values)
{
    public decimal ValueIn(string currency) => Values.TryGetValue(currency, out var v) ? v : 0;
}

/// <summary>Deals won and lost in one calendar month (UTC), in the chosen currency.</summary>
public sealed record MonthFigure(DateOnly Month, int WonCount, decimal WonValue, int LostCount, decimal LostValue);

/// <summary>A customer or solution with the number and value of its open or won deals in the chosen currency.</summary>
public sealed record RankedFigure(string Name, int Count, decimal Value);

/// <summary>The first deals of a "needs attention" list, the most urgent first, and how many it holds in all.</summary>
public sealed record AttentionList(IReadOnlyList<AttentionRow> Rows, int Total)
{
    public static AttentionList None { get; } = new([], 0);

    public bool IsCut => Total > Rows.Count;
}

/// <summary>A deal in the "needs attention" list.</summary>
public sealed record AttentionRow(int Id, string Name, string CustomerName, decimal Value, string Currency, DateTime? ReviewDueAt)
{
    public string ReferralId => Deal.FormatReferralId(Id);
}

/// <summary>Model of the _RankedSection partial: a top-5 chart with its table.</summary>
public sealed record RankedSection(string Id, string Title, string Chart, string NameHeader, IReadOnlyList<RankedFigure> Rows, string Currency);

/// <summary>Model of the _AttentionTable partial: the list's first deals and, when it holds more, where the whole list is.</summary>
public sealed record AttentionTable(string TestId, string Caption, AttentionList List, DateTime Now, string FullListHref, string FullListPlace);
