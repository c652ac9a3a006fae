using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Webhooks;

/// <summary>The "Add endpoint" form.</summary>
public sealed class AddWebhookEndpointInput
{
    public string? Url { get; set; }

    public List<string> Events { get; set; } = [];
}

public sealed class AddWebhookEndpointInputValidator : AbstractValidator<AddWebhookEndpointInput>
{
    public AddWebhookEndpointInputValidator(IHostEnvironment environment, IOptions<WebhooksOptions> options)
    {
        RuleFor(x => x.Url).Cascade(CascadeMode.Stop)
            .Must(u => (u?.Trim().Length ?? 0) is >= 1 and <= WebhookEndpoint.UrlMaxLength).WithMessage("Enter a URL of at most 500 characters.")
            .SingleLine()
            .CustomAsync(async (url, context, ct) =>
            {
                if (await WebhookAddressRules.WhyNotAsync(url, environment.IsDevelopment(), options.Value.AllowPrivateNetworks, ct) is { } why)
                {
                    context.AddFailure(why);
                }
            });
        RuleFor(x => x.Events).Must(e => e.Count > 0 && e.All(WebhookEventTypes.IsKnown)).WithMessage("Choose at least one event.");
    }
}

public sealed record WebhooksPage(IReadOnlyList<WebhookEndpointRow> Endpoints, AddWebhookEndpointInput Input);

public sealed record WebhookDeliveriesPage(WebhookEndpoint Endpoint, IReadOnlyList<WebhookDeliveryRow> Deliveries);

/// <summary>
/// Webhooks (issue 15), for an organisation's admins (those who manage its API tokens): endpoints with their events,
/// the secret shown once, rotation with a day's overlap, disable/enable/delete, and each endpoint's delivery log with Redeliver.
/// </summary>
[Route("webhooks")]
[Authorize(Policy = Policies.TeamAdmin)]
public sealed class WebhooksController(CurrentTenant current, WebhookCommands webhooks) : Controller
{
    public const string IssuedSecretKey = "IssuedWebhookSecret";
    public const int DeliveryLogSize = 50;

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(new AddWebhookEndpointInput(), ct);

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] AddWebhookEndpointInput input, [FromServices] IValidator<AddWebhookEndpointInput> validator, CancellationToken ct)
    {
        WebhookEndpoint.Ensure(WebhookEndpoint.WhyNot(WebhookEndpointAction.Create, current.Actor, null));
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            var page = await PageAsync(input, ct);
            ((ViewResult)page).StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        TempData[IssuedSecretKey] = await webhooks.CreateAsync(current.Actor, input.Url!, input.Events, ct);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/rotate")]
    public async Task<IActionResult> Rotate(int id, CancellationToken ct)
    {
        if (await webhooks.RotateAsync(current.Actor, id, ct) is not { } secret)
        {
            return NotFound();
        }

        TempData[IssuedSecretKey] = secret;
        TempData["Flash"] = Resources.SharedResource.Text("The secret is rotated: the previous secret keeps signing for 24 hours.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/disable")]
    public Task<IActionResult> Disable(int id, CancellationToken ct) =>
        DoneAsync(webhooks.DisableAsync(current.Actor, id, ct), "The endpoint is disabled: no more messages are sent to it.");

    [HttpPost("{id:int}/enable")]
    public Task<IActionResult> Enable(int id, CancellationToken ct) =>
        DoneAsync(webhooks.EnableAsync(current.Actor, id, ct), "The endpoint is enabled.");

    [HttpPost("{id:int}/delete")]
    public Task<IActionResult> Delete(int id, CancellationToken ct) =>
        DoneAsync(webhooks.DeleteAsync(current.Actor, id, ct), "The endpoint is deleted.");

    [HttpGet("{id:int}/deliveries")]
    public async Task<IActionResult> Deliveries(int id, CancellationToken ct)
    {
        WebhookEndpoint.Ensure(WebhookEndpoint.WhyNot(WebhookEndpointAction.Redeliver, current.Actor, null));
        if (await webhooks.FindAsync(id, ct) is not { } endpoint || !current.Actor.BelongsTo(endpoint.OrganisationId))
        {
            return NotFound();
        }

        return View("~/Features/Webhooks/Deliveries.cshtml", new WebhookDeliveriesPage(endpoint, await webhooks.DeliveriesAsync(id, DeliveryLogSize, ct)));
    }

    [HttpPost("{id:int}/deliveries/{deliveryId:long}/redeliver")]
    public async Task<IActionResult> Redeliver(int id, long deliveryId, CancellationToken ct)
    {
        if (!await webhooks.RedeliverAsync(current.Actor, id, deliveryId, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = Resources.SharedResource.Text("The message is queued again with the same message id.");
        return RedirectToAction(nameof(Deliveries), new { id });
    }

    private async Task<IActionResult> DoneAsync(Task<bool> change, string flash)
    {
        if (!await change)
        {
            return NotFound();
        }

        TempData["Flash"] = Resources.SharedResource.Text(flash);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> PageAsync(AddWebhookEndpointInput input, CancellationToken ct) =>
        View("~/Features/Webhooks/Index.cshtml", new WebhooksPage(await webhooks.ListAsync(ct), input));
}
