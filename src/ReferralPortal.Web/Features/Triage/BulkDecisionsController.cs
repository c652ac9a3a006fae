using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Workspace;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Triage;

/// <summary>The bulk Accept / Decline form of Shared with us, posted as a plain form (it works without JavaScript).</summary>
public sealed class BulkDecisionInput
{
    public BulkChoice? Choice { get; set; }

    public CloseReason? Reason { get; set; }

    public string? Comment { get; set; }

    /// <summary>The rows ticked.</summary>
    public List<int> Ids { get; set; } = [];

    /// <summary>"Select all on this page": every row of <see cref="PageIds"/>.</summary>
    public bool AllOnPage { get; set; }

    public List<int> PageIds { get; set; } = [];

    /// <summary>Each row's Version as the page showed it: the concurrency check of its own decision.</summary>
    public Dictionary<int, int> Versions { get; set; } = [];
}

/// <summary>Bulk decisions for vendor reviewers (issue 19): each selected referral decided on its own, then a result page.</summary>
[Authorize(Policy = Policies.VendorReviewer)]
[Route("referrals/shared/decisions")]
public sealed class BulkDecisionsController(BulkDecisions decisions) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Decide(BulkDecisionInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid || input.Choice is not { } choice || !Enum.IsDefined(choice)
            || input.Ids.Count + input.PageIds.Count > 2 * BulkDecision.MaxDeals || input.Comment is { Length: > 1000 })
        {
            return BadRequest();
        }

        var ids = (input.AllOnPage ? input.Ids.Concat(input.PageIds) : input.Ids).Where(id => id > 0).Distinct().ToList();
        var back = RedirectToAction(nameof(WorkspaceController.Tab), "Workspace", new { tab = WorkspaceTabs.Slug(WorkspaceTab.Shared) });
        if (ids.Count == 0)
        {
            TempData["Flash"] = SharedResource.Text("Select at least one referral.");
            return back;
        }

        if ((choice == BulkChoice.Decline && input.Reason is null) || (input.Reason is { } r && !Enum.IsDefined(r)))
        {
            TempData["Flash"] = SharedResource.Text("Choose a reason from the list.");
            return back;
        }

        return View("~/Features/Triage/BulkResult.cshtml", await decisions.RunAsync(choice, input.Reason, input.Comment, ids, input.Versions, ct));
    }
}
