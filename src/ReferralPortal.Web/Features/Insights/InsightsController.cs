using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Insights;

/// <summary>
/// The Insights dashboard and the chart data behind it. Any signed-in portal user may look: the
/// data layer's tenant filters decide whose deals are counted (own organisation, or the programme's
/// co-sell deals for the vendor).
/// </summary>
[Route("insights")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class InsightsController(CurrentTenant current, InsightsQuery query, ReviewSlaQuery sla) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? currency, CancellationToken ct) =>
        View(await RunAsync(currency, withAttention: true, ct));

    [HttpGet("data")]
    public async Task<IActionResult> Data(string? currency, CancellationToken ct) =>
        Content(InsightsCharts.From(await RunAsync(currency, withAttention: false, ct)).ToJson(), "application/json; charset=utf-8");

    // The Review SLA section is added for programme admins only (ReviewSlaQuery returns null for anyone else).
    private async Task<InsightsReport> RunAsync(string? currency, bool withAttention, CancellationToken ct) =>
        await query.RunAsync(current.Actor, currency, withAttention, ct) with { ReviewSla = await sla.RunAsync(current.Actor, ct) };
}
