using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Features.Api;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.ApiTokens;

/// <summary>The "Create API token" form.</summary>
public sealed class CreateApiTokenInput
{
    public string? Name { get; set; }

    public ApiTokenScope? Scope { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

public sealed class CreateApiTokenInputValidator : AbstractValidator<CreateApiTokenInput>
{
    public CreateApiTokenInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).Must(n => (n?.Trim().Length ?? 0) is >= 1 and <= ApiToken.NameMaxLength)
            .WithMessage("Enter a name of at most 100 characters.").SingleLine();
        RuleFor(x => x.Scope).NotNull().WithMessage("Choose a scope.").IsInEnum().WithMessage("Choose a scope from the list.");
        RuleFor(x => x.ExpiresOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose an expiry date within the next year.")
            .Must(d => d!.Value >= Today(clock) && d.Value <= Today(clock).AddYears(1)).WithMessage("Choose an expiry date within the next year.");
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

public sealed record ApiTokensPage(IReadOnlyList<ApiTokenRow> Tokens, CreateApiTokenInput Input, DateOnly Today);

/// <summary>
/// API tokens (issue 15), for an organisation's admins: create (the token is shown once), list with last use, revoke.
/// </summary>
[Route("api-tokens")]
[Authorize(Policy = Policies.TeamAdmin)]
public sealed class ApiTokensController(CurrentTenant current, ApiTokenCommands tokens, TimeProvider clock) : Controller
{
    public const string IssuedTokenKey = "IssuedApiToken";

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(new CreateApiTokenInput { Scope = ApiTokenScope.Read, ExpiresOn = Today.AddDays(90) }, ct);

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] CreateApiTokenInput input, [FromServices] IValidator<CreateApiTokenInput> validator, CancellationToken ct)
    {
        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            var page = await PageAsync(input, ct);
            ((ViewResult)page).StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        TempData[IssuedTokenKey] = await tokens.CreateAsync(current.Actor, input.Name!, input.Scope!.Value, input.ExpiresOn!.Value, ct);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(current.Actor, id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = Resources.SharedResource.Text("The API token is revoked: its next call is refused.");
        return RedirectToAction(nameof(Index));
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> PageAsync(CreateApiTokenInput input, CancellationToken ct) =>
        View("~/Features/ApiTokens/Index.cshtml", new ApiTokensPage(await tokens.ListAsync(ct), input, Today));
}
