using System.Globalization;
using System.Text.Json;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Insights;

/// <summary>
/// The chart data served to wwwroot/js/insights.js. Every word the charts show (labels, series names)
/// is made here on the server, so the script only draws; each chart mirrors a table on the page.
/// </summary>
public sealed record InsightsCharts(string? Currency, IReadOnlyDictionary<string, ChartData> Charts)
{
    public const string Status = "status";
    public const string WonLost = "wonLost";
    public const string DealType = "dealType";
    public const string TopCustomers = "topCustomers";
    public const string TopSolutions = "topSolutions";
    public const string Pipeline = "pipeline";
    public const string SlaBands = "slaBands";
    public const string SlaMedians = "slaMedians";

    public static InsightsCharts From(InsightsReport r) => new(r.Currency, WithSla(r, new Dictionary<string, ChartData>
    {
        // One series per currency: amounts are never added across currencies.
        [Status] = new(
            [.. r.ByStatus.Select(s => Format.Status(s.Key))],
            [.. r.Currencies.Select(c => new ChartSeries(c, c, c, [.. r.ByStatus.Select(s => s.ValueIn(c))]))]),
        [WonLost] = new(
            [.. r.WonLostByMonth.Select(m => MonthLabel(m.Month))],
            r.Currency is null ? [] :
            [
                new ChartSeries("won", SharedResource.Text("Won"), r.Currency, [.. r.WonLostByMonth.Select(m => m.WonValue)]),
                new ChartSeries("lost", SharedResource.Text("Lost"), r.Currency, [.. r.WonLostByMonth.Select(m => m.LostValue)]),
            ]),
        [DealType] = new(
            [.. r.ByType.Select(t => Format.DealType(t.Key))],
            [new ChartSeries("deals", SharedResource.Text("Deals"), null, [.. r.ByType.Select(t => (decimal)t.Count)])]),
        [TopCustomers] = Ranked(r.TopCustomers, r.Currency),
        [TopSolutions] = Ranked(r.TopSolutions, r.Currency),

        // Weighted value by stage, one series per currency: never added across currencies.
        [Pipeline] = new(
            [.. r.Pipeline.Select(p => Format.Stage(p.Stage))],
            [.. r.PipelineCurrencies.Select(c => new ChartSeries(c, c, c, [.. r.Pipeline.Select(p => p.WeightedIn(c))]))]),
    }));

    /// <summary>The age band's label, as the chart and the table show it.</summary>
    public static string BandLabel(SlaBand band) => band.To is { } to
        ? SharedResource.Text("{0}–{1} days", band.From, to)
        : SharedResource.Text("{0} days or more", band.From);

    // The Review SLA charts, only when the report carries the section (programme admins).
    private static Dictionary<string, ChartData> WithSla(InsightsReport r, Dictionary<string, ChartData> charts)
    {
        if (r.ReviewSla is { } sla)
        {
            charts[SlaBands] = new(
                [.. sla.Bands.Select(BandLabel)],
                [
                    new ChartSeries("referrals", SharedResource.Text("Referrals"), null, [.. sla.Bands.Select(b => (decimal)b.Referrals)]),
                    new ChartSeries("registrations", SharedResource.Text("Registrations"), null, [.. sla.Bands.Select(b => (decimal)b.Registrations)]),
                ]);
            charts[SlaMedians] = new(
                [.. sla.Reviewers.Select(x => x.Name)],
                sla.Reviewers.Count == 0 ? [] : [new ChartSeries("median", SharedResource.Text("Median days to decision"), null, [.. sla.Reviewers.Select(x => (decimal)x.MedianDays)])]);
        }

        return charts;
    }

    /// <summary>The JSON the charts are drawn from: served by /insights/data and carried in the page's data-charts attribute.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static string MonthLabel(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    private static ChartData Ranked(IReadOnlyList<RankedFigure> rows, string? currency) => new(
        [.. rows.Select(x => x.Name)],
        currency is null ? [] : [new ChartSeries("value", SharedResource.Text("Value"), currency, [.. rows.Select(x => x.Value)])]);
}

/// <summary>Category labels and the series drawn over them.</summary>
public sealed record ChartData(IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

/// <summary>One series; <paramref name="Currency"/> is set when the numbers are money (null for counts).</summary>
public sealed record ChartSeries(string Key, string Label, string? Currency, IReadOnlyList<decimal> Data);
