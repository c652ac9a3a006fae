using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Inbound;

/// <summary>New inbound referral: vendor reviewers send a referral to a partner.</summary>
[Authorize(Policy = Policies.VendorReviewer)]
[Route("inbound")]
public sealed class InboundController(InboundFormQuery formQuery, CreateInboundReferral create, IValidator<InboundInput> validator) : Controller
{
    private const string FormView = "~/Features/Inbound/New.cshtml";

    /// <param name="partnerId">The partner already chosen: the form then offers only that partner's solutions.</param>
    [HttpGet("new")]
    public async Task<IActionResult> New(int? partnerId, CancellationToken ct) =>
        View(FormView, await formQuery.RunAsync(new InboundInput { PartnerId = partnerId }, ct));

    /// <param name="show">"solutions" when the reviewer asked to see the chosen partner's solutions, "customers" when they searched the
    /// customer directory (the picker without JavaScript): the form comes back with what was entered, nothing is checked or sent.</param>
    [HttpPost("new")]
    public async Task<IActionResult> New(InboundInput input, string? show, CancellationToken ct)
    {
        if (show is "solutions" or "customers")
        {
            ModelState.Clear();
            return View(FormView, await formQuery.RunAsync(input, ct));
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");

        if (ModelState.IsValid)
        {
            try
            {
                var id = await create.RunAsync(input, ct);
                TempData["Flash"] = SharedResource.Text("Inbound referral sent to the partner.");
                return Redirect(Url.Deal(id));
            }
            catch (DomainException e) when (e is not NotAllowedException)
            {
                ModelState.AddModelError(string.Empty, e.LocalizedMessage());
            }
        }

        ModelState.ForgetUnreadableBooleans<InboundInput>("Input");
        var page = View(FormView, await formQuery.RunAsync(input, ct));
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
