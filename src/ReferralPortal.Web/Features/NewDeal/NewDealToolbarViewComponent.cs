using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.NewDeal;

public sealed record NewDealToolbar(DealCreationCheck Check, IReadOnlyList<DraftSummary> Drafts);

/// <summary>The Outbound tab's New deal button (enabled or disabled with the reasons) and the user's drafts.</summary>
public sealed class NewDealToolbarViewComponent(CurrentTenant current, DealCreationGate gate, DraftStore drafts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var check = await gate.CheckAsync(current.Actor, ct);
        var list = check.Allowed ? await drafts.ListAsync(ct) : [];
        return View("~/Features/NewDeal/_Toolbar.cshtml", new NewDealToolbar(check, list));
    }
}
