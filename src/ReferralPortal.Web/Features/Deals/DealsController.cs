using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Deals;

[Route("deals")]
public sealed class DealsController(CurrentTenant current, DealPageQuery pageQuery) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var page = await pageQuery.RunAsync(current.Actor, id, ct);
        return page is null ? NotFound() : View(page);
    }
}
