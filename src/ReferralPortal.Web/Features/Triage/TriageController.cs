using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Triage;

/// <summary>
/// The vendor's triage of one deal (issue 19): the side-by-side view of its possible channel conflicts, "Not a
/// conflict" per pair, and assigning it to a reviewer. Vendor reviewers only (the policy), the deal must be visible
/// to them (co-sell; the tenant filter) and in a state the domain allows.
/// </summary>
[Authorize(Policy = Policies.VendorReviewer)]
[Route("deals/{id:int}")]
public sealed class TriageController(CurrentTenant current, ConflictQuery conflicts, DealCommand command, ReviewerDirectory reviewers, ReferralsDbContext db, TimeProvider clock, DealPageQuery pageQuery) : Controller
{
    public const string PairChangedMessage = "This conflict was changed by someone else. Nothing of your change was saved; this is its current state.";

    [HttpGet("conflicts")]
    public async Task<IActionResult> Conflicts(int id, CancellationToken ct) =>
        await conflicts.PageAsync(current.Actor, id, ct) is { } page ? View("Conflicts", page) : NotFound();

    /// <summary>A reviewer marks one pair Not a conflict with a note; the badge clears for that pair.</summary>
    [HttpPost("conflicts/not-a-conflict")]
    public async Task<IActionResult> NotAConflict(int id, long conflictId, int? version, string? note, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var pair = await db.DealConflicts.FirstOrDefaultAsync(c => c.Id == conflictId && (c.LowDealId == id || c.HighDealId == id), ct);

        // Both deals must be ones this reviewer can see (co-sell, by the tenant filter).
        if (pair is null || await db.Deals.CountAsync(d => d.Id == pair.LowDealId || d.Id == pair.HighDealId, ct) != 2)
        {
            return NotFound();
        }

        if (version is int seen && seen != pair.Version)
        {
            TempData["Flash"] = SharedResource.Text(PairChangedMessage);
            return RedirectToAction(nameof(Conflicts), new { id });
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            var page = await conflicts.PageAsync(current.Actor, id, ct);
            if (page is null)
            {
                return NotFound();
            }

            ModelState.AddModelError("note", SharedResource.Text("Explain in a note why these deals are not a conflict."));
            var view = View("Conflicts", page);
            view.StatusCode = StatusCodes.Status400BadRequest;
            return view;
        }

        pair.MarkNotAConflict(current.Actor, note, clock.GetUtcNow().UtcDateTime);
        if (!await db.TrySaveChangesAsync(ct))
        {
            TempData["Flash"] = SharedResource.Text(PairChangedMessage);
            return RedirectToAction(nameof(Conflicts), new { id });
        }

        TempData["Flash"] = SharedResource.Text("Marked Not a conflict: {0} and {1}.", Deal.FormatReferralId(pair.LowDealId), Deal.FormatReferralId(pair.HighDealId));
        return RedirectToAction(nameof(Conflicts), new { id });
    }

    /// <summary>The Withdraw form of an inbound referral the vendor sent (still New): a reason is required.</summary>
    [HttpGet("withdraw")]
    public async Task<IActionResult> Withdraw(int id, [FromServices] DealActionQuery actionQuery, CancellationToken ct)
    {
        var deal = await actionQuery.RunAsync(current.Actor, id, DealAction.Withdraw, ct);
        return deal is null ? NotFound() : View("Withdraw", new DealActionPage<WithdrawInput>(deal, DealAction.Withdraw, new WithdrawInput(), deal.Version));
    }

    [HttpPost("withdraw")]
    public async Task<IActionResult> Withdraw(int id, int? version, WithdrawInput input, [FromServices] DealActionQuery actionQuery, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > 1000)
        {
            var deal = await actionQuery.RunAsync(current.Actor, id, DealAction.Withdraw, ct);
            if (deal is null)
            {
                return NotFound();
            }

            ModelState.AddModelError("Input.Reason", SharedResource.Text("Give the reason for withdrawing the referral (at most 1,000 characters)."));
            var form = View("Withdraw", new DealActionPage<WithdrawInput>(deal, DealAction.Withdraw, input, version ?? deal.Version));
            form.StatusCode = StatusCodes.Status400BadRequest;
            return form;
        }

        return await OutcomeAsync(id, await command.RunAsync(id, version, (d, a, now) => d.Withdraw(a, input.Reason, now), ct), SharedResource.Text("Referral withdrawn."), ct);
    }

    /// <summary>Assigns the referral or registration to a reviewer (or, with "Assign to me", to oneself).</summary>
    [HttpPost("assign")]
    public async Task<IActionResult> Assign(int id, int? version, string? reviewerId, bool toMe, CancellationToken ct)
    {
        if (!ModelState.IsValid || reviewerId is { Length: > 450 })
        {
            return BadRequest();
        }

        var actor = current.Actor;
        var chosen = toMe ? actor.UserId : reviewerId;
        var reviewer = string.IsNullOrWhiteSpace(chosen) ? null : await reviewers.FindAsync(actor.OrganisationId, chosen, ct);
        var outcome = await command.RunAsync(id, version, (d, a, now) =>
        {
            // The deal and the actor's right first: a bad choice on a deal one may not assign is "not allowed".
            if (d.WhyNot(DealAction.AssignReviewer, a, now) is { } why)
            {
                throw new NotAllowedException(why);
            }

            var who = reviewer ?? throw new DomainException("Choose a reviewer from the list.");
            d.AssignReviewer(a, who.UserId, who.Name, now);
        }, ct);
        return await OutcomeAsync(id, outcome, outcome == DealCommandOutcome.Done ? SharedResource.Text("Assigned to {0}.", reviewer!.Name) : string.Empty, ct);
    }

    private async Task<IActionResult> OutcomeAsync(int id, DealCommandOutcome outcome, string done, CancellationToken ct)
    {
        switch (outcome)
        {
            case DealCommandOutcome.Done:
                TempData["Flash"] = done;
                return RedirectToAction("Details", "Deals", new { id });
            case DealCommandOutcome.Conflict:
                // The deal page as it is now, with why nothing was saved (as every lifecycle step answers).
                if (await pageQuery.RunAsync(current.Actor, id, ct) is not { } latest)
                {
                    return NotFound();
                }

                ViewData["Conflict"] = SharedResource.Text(DealActionsController.ConflictMessage);
                RouteData.Values["controller"] = "Deals";
                var view = View("~/Features/Deals/Details.cshtml", latest);
                view.StatusCode = StatusCodes.Status409Conflict;
                return view;
            default:
                return NotFound();
        }
    }
}

/// <summary>The reason the vendor gives for withdrawing a referral it sent.</summary>
public sealed class WithdrawInput
{
    public string? Reason { get; set; }
}
