using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>Edit deal (issue 14): the owner's referral admins and the deal team, while the deal is not terminal.</summary>
[Authorize(Policy = Policies.PartnerUser)]
[Route("deals/{id:int}/edit")]
public sealed class DealEditController(CurrentTenant current, DealEditor editor) : Controller
{
    public const string ConflictMessage = "This deal was changed by someone else while you were editing it. Nothing of your change was saved: the form keeps what you typed, and each field that now differs shows its current value.";

    private const string EditView = "~/Features/Deals/Edit.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var page = await editor.PageAsync(current.Actor, id, null, ct);
        return page is null ? NotFound() : View(EditView, page);
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(int id, int? version, [Bind(Prefix = "Input")] EditDealInput input, [FromServices] IValidator<EditDealInput> validator, CancellationToken ct)
    {
        // Who may edit is checked before anything about the input is said.
        var page = await editor.PageAsync(current.Actor, id, input, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (version is null)
        {
            return BadRequest();
        }

        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid || !ModelState.IsValid)
        {
            ModelState.AddFailures(result, "Input");
            var invalid = View(EditView, page with { Version = version.Value });
            invalid.StatusCode = StatusCodes.Status400BadRequest;
            return invalid;
        }

        switch (await editor.SaveAsync(id, version, input, ct))
        {
            case DealCommandOutcome.Done:
                TempData["Flash"] = SharedResource.Text("Deal updated.");
                return Redirect(Url.Deal(id));
            case DealCommandOutcome.Conflict:
                ViewData["Conflict"] = SharedResource.Text(ConflictMessage);
                var latest = await editor.PageAsync(current.Actor, id, input, ct);
                if (latest is null)
                {
                    return NotFound();
                }

                var view = View(EditView, latest with { Conflict = true });
                view.StatusCode = StatusCodes.Status409Conflict;
                return view;
            default:
                return NotFound();
        }
    }
}
