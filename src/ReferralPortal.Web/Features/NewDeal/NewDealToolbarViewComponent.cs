using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.NewDeal;

/// <param name="Admins">For a user whose role is what stops them: who in their organisation can create deals.</param>
public sealed record NewDealToolbar(DealCreationCheck Check, IReadOnlyList<DraftSummary> Drafts, IReadOnlyList<OrganisationAdmin> Admins)
{
    /// <summary>The user's role is missing: no other condition is theirs to fix, and the Solutions page cannot help.</summary>
    public bool RoleIsMissing => Check.UnmetConditions.Contains(DealCreationPolicy.NotReferralAdmin);
}

public sealed record OrganisationAdmin(string Name, string? Email);

/// <summary>The Outbound tab's New deal button (enabled or disabled with the reasons) and the user's drafts.</summary>
public sealed class NewDealToolbarViewComponent(CurrentTenant current, DealCreationGate gate, DraftStore drafts, ReferralsDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var actor = current.Actor;
        var check = await gate.CheckAsync(actor, ct);
        var list = check.Allowed ? await drafts.ListAsync(ct) : [];
        var admins = actor.IsPartner && !actor.IsPartnerAdmin
            ? await db.Users.AsNoTracking()
                .Where(u => u.OrganisationId == actor.OrganisationId && u.Role == PortalRole.ReferralAdmin)
                .OrderBy(u => u.DisplayName).Take(5)
                .Select(u => new OrganisationAdmin(u.DisplayName, u.Email))
                .ToListAsync(ct)
            : [];
        return View("~/Features/NewDeal/_Toolbar.cshtml", new NewDealToolbar(check, list, admins));
    }
}
