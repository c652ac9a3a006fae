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
public sealed class InsightsController(CurrentTenant current, InsightsQuery query) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? currency, CancellationToken ct) =>
        View(await query.RunAsync(current.Actor, currency, withAttention: true, ct));

    [HttpGet("data")]
    public async Task<IActionResult> Data(string? currency, CancellationToken ct) =>
        Content(InsightsCharts.From(await query.RunAsync(current.Actor, currency, withAttention: false, ct)).ToJson(), "application/json; charset=utf-8");
}
