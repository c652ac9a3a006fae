using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>The Referrals workspace: one URL per tab; filters, sort and page live in the query string.</summary>
[Route("referrals")]
public sealed class WorkspaceController(
    CurrentTenant current,
    WorkspaceQuery query,
    WorkspaceExport export,
    IValidator<WorkspaceFilterInput> validator,
    TimeProvider clock) : Controller
{
    [HttpGet("/", Name = PortalLinks.HomeRoute)]
    [HttpGet("")]
    public IActionResult Index() => RedirectToAction(nameof(Tab), new { tab = WorkspaceTabs.Slug(WorkspaceTabs.Default(current.Actor)) });

    [HttpGet("{tab}")]
    public async Task<IActionResult> Tab(string tab, [FromQuery] WorkspaceFilterInput input, CancellationToken ct)
    {
        var actor = current.Actor;
        if (ParseTab(tab) is not { } t)
        {
            return NotFound();
        }

        var notices = new List<string>();
        var validation = await validator.ValidateAsync(input, ct);
        foreach (var failure in validation.Errors)
        {
            var message = SharedResource.Text(failure.ErrorMessage);
            ModelState.AddModelError(failure.PropertyName, message);
            notices.Add(message);
        }

        var filter = ForActor(WorkspaceFilter.From(input), notices);
        var page = await query.RunAsync(actor, t, filter, ct);
        if (page.Filter.Page != filter.Page)
        {
            // Past the end (a bookmark after deals closed, or a typed URL): the query showed the last page it lists.
            notices.Add(page.TotalIsCapped
                ? SharedResource.Text("There is no page {0} among the first {1} referrals; showing page {2}. Filter or sort to find the others.", filter.Page, Format.Count(page.Total, false), page.Filter.Page)
                : SharedResource.Text("There is no page {0}; showing page {1}, the last one.", filter.Page, page.Filter.Page));
        }

        return View("Tab", page with { Notices = notices });
    }

    // Other companies' pipelines: a shared machine's browser or a proxy must not keep a copy of the file.
    [HttpGet("{tab}/export")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Export(string tab, [FromQuery] WorkspaceFilterInput input, CancellationToken ct)
    {
        if (ParseTab(tab) is not { } t)
        {
            return NotFound();
        }

        var filter = ForActor(WorkspaceFilter.From(input), []) with { Page = 1 };
        var date = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = $"referrals-{WorkspaceTabs.Slug(t)}-{date}.csv",
        }.ToString();
        await export.WriteAsync(Response.Body, current.Actor, t, filter, ct);
        return new EmptyResult();
    }

    // A partner's tabs have no Partner column: that sort is left out as an unknown one.
    private WorkspaceFilter ForActor(WorkspaceFilter filter, List<string> notices)
    {
        if (WorkspaceFilter.SortsFor(current.Actor, filter.Sort))
        {
            return filter;
        }

        notices.Add(SharedResource.Text("Unknown sort column; showing the default order."));
        return filter with { Sort = null, Descending = false };
    }

    private WorkspaceTab? ParseTab(string tab) =>
        WorkspaceTabs.Parse(tab) is { } t && WorkspaceTabs.For(current.Actor).Contains(t) ? t : null;
}
