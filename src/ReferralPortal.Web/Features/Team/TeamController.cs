using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Team;

/// <summary>The Team page as its view reads it: the organisation's people, the invite form, the roles to offer.</summary>
public sealed record TeamPage(TeamView Team, InviteInput Invite, IReadOnlyList<PortalRole> Roles);

/// <summary>
/// An organisation's team, managed by its admins (a partner's referral admins, the vendor's programme admins):
/// invite, resend or revoke an invitation, change a role, deactivate or reactivate a member. Every action works on
/// the actor's own organisation only; the team rules refuse what the page does not offer.
/// </summary>
[Route("team")]
[Authorize(Policy = Policies.TeamAdmin)]
public sealed class TeamController(CurrentTenant current, ReferralsDbContext db, TeamQuery query, MemberCommands members, InvitationIssuer issuer) : Controller
{
    public const string IssuedLinkKey = "InvitationLink";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(new InviteInput(), ct);

    [HttpPost("invite")]
    public async Task<IActionResult> Invite([Bind(Prefix = "Invite")] InviteInput input, [FromServices] IValidator<InviteInput> validator, CancellationToken ct)
    {
        var actor = current.Actor;
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Invite");
        if (input.Role is { } chosen && !TeamRules.RolesOf(actor.OrganisationKind).Contains(chosen) && ModelState["Invite.Role"]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError("Invite.Role", SharedResource.Text("Choose a role from the list."));
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(input, ct);
        }

        TeamRules.Ensure(TeamRules.WhyNotInvite(actor, actor.OrganisationId, input.Role!.Value));
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == actor.OrganisationId, ct);
        try
        {
            var issued = await issuer.InviteAsync(organisation, input.Email!, input.Role.Value, actor, UserLanguageOf(), issuer.BaseUrl(Request), ct);
            Issued(issued, "Invitation sent to {0}.");
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError("Invite.Email", refusal.LocalizedMessage());
            return await PageAsync(input, ct);
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("invitations/{id:int}/resend")]
    public async Task<IActionResult> Resend(int id, CancellationToken ct)
    {
        var invitation = await OwnInvitationAsync(id, ct);
        if (invitation is null)
        {
            return NotFound();
        }

        Issued(await issuer.ResendAsync(invitation, current.Actor, issuer.BaseUrl(Request), ct), "Invitation sent again to {0}. The earlier link no longer works.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("invitations/{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken ct)
    {
        var invitation = await OwnInvitationAsync(id, ct);
        if (invitation is null)
        {
            return NotFound();
        }

        await issuer.RevokeAsync(invitation, current.Actor, ct);
        TempData["Flash"] = SharedResource.Text("Invitation to {0} revoked; its link no longer works.", invitation.Email);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("members/{id:guid}/role")]
    public async Task<IActionResult> ChangeRole(string id, PortalRole? role, CancellationToken ct) =>
        await members.ChangeRoleAsync(current.Actor, id, role, ct) ? Done("Role changed. The member's open sessions have ended.") : NotFound();

    [HttpPost("members/{id:guid}/deactivate")]
    public async Task<IActionResult> Deactivate(string id, CancellationToken ct) =>
        await members.DeactivateAsync(current.Actor, id, ct) ? Done("Member deactivated. Their open sessions have ended.") : NotFound();

    [HttpPost("members/{id:guid}/reactivate")]
    public async Task<IActionResult> Reactivate(string id, CancellationToken ct) =>
        await members.ReactivateAsync(current.Actor, id, ct) ? Done("Member reactivated. They can sign in again.") : NotFound();

    private RedirectToActionResult Done(string message)
    {
        TempData["Flash"] = SharedResource.Text(message);
        return RedirectToAction(nameof(Index));
    }

    private void Issued(IssuedInvitation issued, string message)
    {
        TempData["Flash"] = SharedResource.Text(message, issued.Email);
        TempData[IssuedLinkKey] = issued.Link;
    }

    // Tracked, and of the actor's own organisation only (the query filter lets a vendor see all organisations).
    private Task<Invitation?> OwnInvitationAsync(int id, CancellationToken ct) =>
        db.Invitations.FirstOrDefaultAsync(i => i.Id == id && i.OrganisationId == current.Actor.OrganisationId && i.AcceptedAt == null && i.RevokedAt == null, ct);

    private string UserLanguageOf() => System.Globalization.CultureInfo.CurrentUICulture.Name;

    private async Task<IActionResult> PageAsync(InviteInput input, CancellationToken ct)
    {
        var actor = current.Actor;
        var team = await query.RunAsync(actor.OrganisationId, actor, ct) ?? throw new InvalidOperationException("The actor's organisation is missing.");
        return View("Index", new TeamPage(team, input, TeamRules.RolesOf(actor.OrganisationKind)));
    }
}
