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

        var filter = WorkspaceFilter.From(input);
        var page = await query.RunAsync(actor, t, filter, ct);
        if (page.Rows.Count == 0 && filter.Page > 1 && page.LastPage is int last)
        {
            // Past the end (a bookmark after deals closed, or a typed URL): show the last page that exists.
            notices.Add(SharedResource.Text("There is no page {0}; showing page {1}, the last one.", filter.Page, last));
            page = await query.RunAsync(actor, t, filter with { Page = last }, ct);
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

        var filter = WorkspaceFilter.From(input) with { Page = 1 };
        var date = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = $"referrals-{WorkspaceTabs.Slug(t)}-{date}.csv",
        }.ToString();
        await export.WriteAsync(Response.Body, current.Actor, t, filter, ct);
        return new EmptyResult();
    }

    private WorkspaceTab? ParseTab(string tab) =>
        WorkspaceTabs.Parse(tab) is { } t && WorkspaceTabs.For(current.Actor).Contains(t) ? t : null;
}
