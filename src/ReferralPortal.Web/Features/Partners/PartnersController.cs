using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Features.Team;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Partners;

public sealed record PartnersPage(IReadOnlyList<PartnerRow> Partners, OnboardInput Onboard);

public sealed record PartnerPage(TeamView Partner);

/// <summary>
/// The programme admins' Partners page: the partner organisations, Onboard partner (the organisation and an
/// invitation for its first referral admin), and a partner's page with its people, its history and Suspend /
/// Reactivate. Suspending keeps every record as it is; the partner's users cannot sign in and open sessions end.
/// </summary>
[Route("partners")]
[Authorize(Policy = Policies.ProgrammeAdmin)]
public sealed class PartnersController(CurrentTenant current, ReferralsDbContext db, PartnersQuery query, TeamQuery team, AuditTrail audit, InvitationIssuer issuer, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", new PartnersPage(await query.RunAsync(ct), new OnboardInput()));

    [HttpPost("")]
    public async Task<IActionResult> Onboard([Bind(Prefix = "Onboard")] OnboardInput input, [FromServices] IValidator<OnboardInput> validator, CancellationToken ct)
    {
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Onboard");
        var name = input.OrganisationName?.Trim() ?? string.Empty;
        if (ModelState.IsValid && await db.Organisations.AnyAsync(o => o.Name == name, ct))
        {
            ModelState.AddModelError("Onboard.OrganisationName", SharedResource.Text("An organisation with this name is already in the programme."));
        }

        if (!ModelState.IsValid)
        {
            return View("Index", new PartnersPage(await query.RunAsync(ct), input));
        }

        var actor = current.Actor;
        var email = input.AdminEmail!.Trim();
        var taken = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == taken, ct))
        {
            ModelState.AddModelError("Onboard.AdminEmail", SharedResource.Text(InvitationIssuer.AddressTaken));
            return View("Index", new PartnersPage(await query.RunAsync(ct), input));
        }

        var partner = Organisation.Onboard(actor, name, input.Country!.Trim().ToUpperInvariant());
        db.Organisations.Add(partner);
        await db.SaveChangesAsync(ct);
        audit.Record(partner.Id, actor, AuditAction.OrganisationOnboarded, partner.Name);
        var issued = await issuer.InviteAsync(partner, email, PortalRole.ReferralAdmin, actor, System.Globalization.CultureInfo.CurrentUICulture.Name, issuer.BaseUrl(Request), ct);
        TempData["Flash"] = SharedResource.Text("{0} onboarded. Invitation sent to {1}.", partner.Name, issued.Email);
        TempData[TeamController.IssuedLinkKey] = issued.Link;
        return RedirectToAction(nameof(Details), new { id = partner.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var view = await PartnerAsync(id, ct);
        return view is null ? NotFound() : View("Details", new PartnerPage(view));
    }

    [HttpPost("{id:int}/suspend")]
    public Task<IActionResult> Suspend(int id, CancellationToken ct) => SetSuspendedAsync(id, true, ct);

    [HttpPost("{id:int}/reactivate")]
    public Task<IActionResult> Reactivate(int id, CancellationToken ct) => SetSuspendedAsync(id, false, ct);

    private async Task<IActionResult> SetSuspendedAsync(int id, bool suspend, CancellationToken ct)
    {
        var partner = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id && o.Kind == OrganisationKind.Partner, ct);
        if (partner is null)
        {
            return NotFound();
        }

        var actor = current.Actor;
        if (suspend)
        {
            partner.Suspend(actor, clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            partner.Reactivate(actor);
        }

        audit.Record(partner.Id, actor, suspend ? AuditAction.OrganisationSuspended : AuditAction.OrganisationReactivated, partner.Name);
        await audit.SaveAsync(ct);
        TempData["Flash"] = suspend
            ? SharedResource.Text("{0} is suspended: its users cannot sign in and their open sessions have ended. Nothing was deleted.", partner.Name)
            : SharedResource.Text("{0} is active again: its users can sign in.", partner.Name);
        return RedirectToAction(nameof(Details), new { id = partner.Id });
    }

    private async Task<TeamView?> PartnerAsync(int id, CancellationToken ct)
    {
        var isPartner = await db.Organisations.AnyAsync(o => o.Id == id && o.Kind == OrganisationKind.Partner, ct);
        return isPartner ? await team.RunAsync(id, current.Actor, ct) : null;
    }
}
