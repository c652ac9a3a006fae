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

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(FormView, await formQuery.RunAsync(new InboundInput(), ct));

    [HttpPost("new")]
    public async Task<IActionResult> New(InboundInput input, CancellationToken ct)
    {
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");

        if (ModelState.IsValid)
        {
            try
            {
                var id = await create.RunAsync(input, ct);
                TempData["Flash"] = SharedResource.Text("Inbound referral sent to the partner.");
                return Redirect($"/deals/{id}");
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
