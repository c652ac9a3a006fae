using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Solutions;

/// <param name="Version">The solution's Version the form was filled from (an edit); posted back for the stale-page check.</param>
public sealed record SolutionFormPage(int? Id, SolutionInput Input, int? Version = null);

public sealed record ProgrammeStatusPage(int Id, string Name, string OrganisationName, ProgrammeStatusInput Input, int Version);

/// <summary>
/// The Solutions page: partners list theirs and their admins add or edit drafts; the vendor's programme
/// admin sets Published / Co-sell ready / Registration eligible, which is what enables New deal.
/// </summary>
[Route("solutions")]
public sealed class SolutionsController(CurrentTenant current, ReferralsDbContext db, SolutionsQuery query, SolutionCommand command) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", await query.RunAsync(current.Actor, ct));

    [HttpGet("new")]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public IActionResult New() => View("Edit", new SolutionFormPage(null, new SolutionInput()));

    [HttpPost("new")]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public async Task<IActionResult> New([Bind(Prefix = "Input")] SolutionInput input, [FromServices] IValidator<SolutionInput> validator, CancellationToken ct)
    {
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            return View("Edit", new SolutionFormPage(null, input));
        }

        var solution = Solution.AddDraft(current.Actor, input.Name!, input.Description ?? string.Empty);
        db.Solutions.Add(solution);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = SharedResource.Text("Solution “{0}” added as a draft. The programme admin publishes it and marks it co-sell ready.", solution.Name);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await EditPageAsync(id, null, null, ct) is { } page ? View("Edit", page) : NotFound();

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public async Task<IActionResult> Edit(int id, int? version, [Bind(Prefix = "Input")] SolutionInput input, [FromServices] IValidator<SolutionInput> validator, CancellationToken ct)
    {
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            if (UnreadableVersion())
            {
                return BadRequest();
            }

            return await EditPageAsync(id, input, version, ct) is { } page ? View("Edit", page) : NotFound();
        }

        var outcome = await command.RunAsync(id, version, ownOrganisationOnly: true, (s, actor) => s.Edit(actor, input.Name!, input.Description ?? string.Empty), ct);
        if (outcome == SolutionCommandOutcome.Done)
        {
            TempData["Flash"] = SharedResource.Text("Solution “{0}” saved.", input.Name!.Trim());
            return RedirectToAction(nameof(Index));
        }

        return outcome == SolutionCommandOutcome.Conflict && await EditPageAsync(id, null, null, ct) is { } latest ? Conflict("Edit", latest) : NotFound();
    }

    [HttpGet("{id:int}/status")]
    [Authorize(Policy = Policies.ProgrammeAdmin)]
    public async Task<IActionResult> Status(int id, CancellationToken ct)
    {
        var page = await StatusPageAsync(id, null, null, ct);
        return page is null ? NotFound() : View("Status", page);
    }

    [HttpPost("{id:int}/status")]
    [Authorize(Policy = Policies.ProgrammeAdmin)]
    public async Task<IActionResult> Status(int id, int? version, [Bind(Prefix = "Input")] ProgrammeStatusInput input, [FromServices] IValidator<ProgrammeStatusInput> validator, CancellationToken ct)
    {
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            ModelState.ForgetUnreadableBooleans<ProgrammeStatusInput>("Input");
            if (UnreadableVersion())
            {
                return BadRequest();
            }

            return await StatusPageAsync(id, input, version, ct) is { } page ? View("Status", page) : NotFound();
        }

        var coSell = input.CoSellReady ? CoSellStatus.CoSellReady : CoSellStatus.NotReady;
        var outcome = await command.RunAsync(id, version, ownOrganisationOnly: false, (s, actor) => s.SetProgrammeStatus(actor, input.Marketplace, coSell, input.RegistrationEligible), ct);
        if (outcome == SolutionCommandOutcome.Done)
        {
            var name = await db.Solutions.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstAsync(ct);
            TempData["Flash"] = SharedResource.Text("Programme status of “{0}” saved.", name);
            return RedirectToAction(nameof(Index));
        }

        return outcome == SolutionCommandOutcome.Conflict && await StatusPageAsync(id, null, null, ct) is { } latest ? Conflict("Status", latest) : NotFound();
    }

    // A version that is not a number is not "no version": never skip the stale-page check on garbage.
    private bool UnreadableVersion() => ModelState.TryGetValue("version", out var entry) && entry.Errors.Count > 0;

    /// <summary>The form again with the solution as it is now (its current Version) and why nothing was saved.</summary>
    private ViewResult Conflict(string viewName, object page)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, SharedResource.Text(SolutionCommand.ConflictMessage));
        var view = View(viewName, page);
        view.StatusCode = StatusCodes.Status409Conflict;
        return view;
    }

    private async Task<SolutionFormPage?> EditPageAsync(int id, SolutionInput? input, int? version, CancellationToken ct)
    {
        var row = await db.Solutions.AsNoTracking().Where(s => s.Id == id && s.OrganisationId == current.Actor.OrganisationId)
            .Select(s => new { s.Name, s.Description, s.Version })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new SolutionFormPage(id, input ?? new SolutionInput { Name = row.Name, Description = row.Description }, version ?? row.Version);
    }

    private async Task<ProgrammeStatusPage?> StatusPageAsync(int id, ProgrammeStatusInput? input, int? version, CancellationToken ct)
    {
        var row = await db.Solutions.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s.Name, Org = o.Name, s.MarketplaceStatus, s.CoSellStatus, s.RegistrationEligible, s.Version })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new ProgrammeStatusPage(id, row.Name, row.Org, input ?? new ProgrammeStatusInput
        {
            Marketplace = row.MarketplaceStatus,
            CoSellReady = row.CoSellStatus == CoSellStatus.CoSellReady,
            RegistrationEligible = row.RegistrationEligible,
        }, version ?? row.Version);
    }
}
