using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>The Referrals workspace: one URL per tab.</summary>
[Route("referrals")]
public sealed class WorkspaceController(CurrentTenant current, WorkspaceQuery query) : Controller
{
    [HttpGet("/")]
    [HttpGet("")]
    public IActionResult Index() => RedirectToAction(nameof(Tab), new { tab = WorkspaceTabs.Slug(WorkspaceTabs.Default(current.Actor)) });

    [HttpGet("{tab}")]
    public async Task<IActionResult> Tab(string tab, CancellationToken ct)
    {
        var actor = current.Actor;
        var parsed = WorkspaceTabs.Parse(tab);
        if (parsed is not { } t || !WorkspaceTabs.For(actor).Contains(t))
        {
            return NotFound();
        }

        return View("Tab", await query.RunAsync(actor, t, ct));
    }
}
