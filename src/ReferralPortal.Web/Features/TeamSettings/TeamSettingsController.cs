using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.TeamSettings;

/// <summary>The organisation's deal-visibility setting as the form sends it.</summary>
public sealed class DealAccessInput
{
    public ReferralUserDealAccess? Access { get; set; }
}

public sealed class DealAccessInputValidator : AbstractValidator<DealAccessInput>
{
    public DealAccessInputValidator() =>
        RuleFor(x => x.Access).NotNull().WithMessage("Choose which deals referral users see.")
            .IsInEnum().WithMessage("Choose which deals referral users see from the list.");
}

public sealed record TeamSettingsPage(string OrganisationName, DealAccessInput Input);

/// <summary>
/// Team settings (issue 14): whether the partner's referral users see all its deals or only their teams' deals. A
/// page of its own until the Team page (issue 12) can hold it; the tenant filter enforces the choice everywhere.
/// </summary>
[Authorize(Policy = Policies.PartnerAdmin)]
[Route("team/settings")]
public sealed class TeamSettingsController(CurrentTenant current, ReferralsDbContext db, ILogger<TeamSettingsController> log) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == current.Actor.OrganisationId, ct);
        return View("Index", new TeamSettingsPage(org.Name, new DealAccessInput { Access = org.ReferralUserDealAccess }));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index([Bind(Prefix = "Input")] DealAccessInput input, [FromServices] IValidator<DealAccessInput> validator, CancellationToken ct)
    {
        var actor = current.Actor;
        var org = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            var invalid = View("Index", new TeamSettingsPage(org.Name, input));
            invalid.StatusCode = StatusCodes.Status400BadRequest;
            return invalid;
        }

        org.SetReferralUserDealAccess(actor, input.Access!.Value);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Security event: {UserId} set referral users' deal access of organisation {OrganisationId} to {Access}", actor.UserId, org.Id, org.ReferralUserDealAccess);
        TempData["Flash"] = SharedResource.Text("Settings saved.");
        return RedirectToAction(nameof(Index));
    }
}
