using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Solutions;

public sealed record SolutionFormPage(int? Id, SolutionInput Input);

public sealed record ProgrammeStatusPage(int Id, string Name, string OrganisationName, ProgrammeStatusInput Input);

/// <summary>
/// The Solutions page: partners list theirs and their admins add or edit drafts; the vendor's programme
/// admin sets Published / Co-sell ready / Registration eligible, which is what enables New deal.
/// </summary>
[Route("solutions")]
public sealed class SolutionsController(CurrentTenant current, ReferralsDbContext db, SolutionsQuery query) : Controller
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
        return Redirect("/solutions");
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.OrganisationId == current.Actor.OrganisationId, ct);
        return solution is null ? NotFound() : View("Edit", new SolutionFormPage(id, new SolutionInput { Name = solution.Name, Description = solution.Description }));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] SolutionInput input, [FromServices] IValidator<SolutionInput> validator, CancellationToken ct)
    {
        // The tenant filter hides other partners' solutions; the organisation test says so explicitly.
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id && s.OrganisationId == current.Actor.OrganisationId, ct);
        if (solution is null)
        {
            return NotFound();
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            return View("Edit", new SolutionFormPage(id, input));
        }

        solution.Edit(current.Actor, input.Name!, input.Description ?? string.Empty);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = SharedResource.Text("Solution “{0}” saved.", solution.Name);
        return Redirect("/solutions");
    }

    [HttpGet("{id:int}/status")]
    [Authorize(Policy = Policies.ProgrammeAdmin)]
    public async Task<IActionResult> Status(int id, CancellationToken ct)
    {
        var page = await StatusPageAsync(id, null, ct);
        return page is null ? NotFound() : View("Status", page);
    }

    [HttpPost("{id:int}/status")]
    [Authorize(Policy = Policies.ProgrammeAdmin)]
    public async Task<IActionResult> Status(int id, [Bind(Prefix = "Input")] ProgrammeStatusInput input, [FromServices] IValidator<ProgrammeStatusInput> validator, CancellationToken ct)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (solution is null)
        {
            return NotFound();
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            ModelState.ForgetUnreadableBooleans<ProgrammeStatusInput>("Input");
            return View("Status", await StatusPageAsync(id, input, ct));
        }

        solution.SetProgrammeStatus(current.Actor, input.Marketplace, input.CoSellReady ? CoSellStatus.CoSellReady : CoSellStatus.NotReady, input.RegistrationEligible);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = SharedResource.Text("Programme status of “{0}” saved.", solution.Name);
        return Redirect("/solutions");
    }

    private async Task<ProgrammeStatusPage?> StatusPageAsync(int id, ProgrammeStatusInput? input, CancellationToken ct)
    {
        var row = await db.Solutions.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s.Name, Org = o.Name, s.MarketplaceStatus, s.CoSellStatus, s.RegistrationEligible })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new ProgrammeStatusPage(id, row.Name, row.Org, input ?? new ProgrammeStatusInput
        {
            Marketplace = row.MarketplaceStatus,
            CoSellReady = row.CoSellStatus == CoSellStatus.CoSellReady,
            RegistrationEligible = row.RegistrationEligible,
        });
    }
}
