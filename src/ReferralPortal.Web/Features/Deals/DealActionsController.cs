using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>
/// The lifecycle steps of SPEC 3 and 4. Policies keep out whole groups (a sales user cannot reach Mark won);
/// the domain's rule on the deal decides the rest (which side, which organisation, which status, the due date).
/// </summary>
[Route("deals/{id:int}")]
public sealed class DealActionsController(
    CurrentTenant current,
    DealCommand command,
    DealActionQuery actionQuery,
    DealPageQuery pageQuery,
    IOptions<ProgrammeOptions> programme) : Controller
{
    public const string ConflictMessage = "This deal was changed by someone else. Nothing of your change was saved; this is its current state.";

    private const string ConfirmView = "~/Features/Deals/ConfirmAction.cshtml";
    private const string CloseView = "~/Features/Deals/CloseAction.cshtml";
    private const string CloseAsErrorView = "~/Features/Deals/CloseAsErrorAction.cshtml";
    private const string RejectView = "~/Features/Deals/RejectRegistrationAction.cshtml";

    /// <summary>The action method serving each lifecycle step: its route attribute is the step's only URL (see <c>PortalLinks.DealAction</c>).</summary>
    public static string ActionFor(DealAction action) => action switch
    {
        DealAction.Accept => nameof(Accept),
        DealAction.Decline => nameof(Decline),
        DealAction.MarkWon => nameof(Won),
        DealAction.MarkLost => nameof(Lost),
        DealAction.CloseAsError => nameof(CloseAsError),
        DealAction.UpgradeToCoSell => nameof(Upgrade),
        DealAction.SubmitRegistration => nameof(SubmitRegistration),
        DealAction.ApproveRegistration => nameof(ApproveRegistration),
        DealAction.RejectRegistration => nameof(RejectRegistration),
        DealAction.MoveStage => nameof(MoveStage),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "This action has no URL of its own."),
    };

    [HttpPost("accept")]
    public Task<IActionResult> Accept(int id, int? version, CancellationToken ct) =>
        RunAsync(id, version, DealAction.Accept, (d, a, now) => d.Accept(a, now), ct);

    [HttpGet("decline")]
    public Task<IActionResult> Decline(int id, CancellationToken ct) => FormAsync(id, null, DealAction.Decline, CloseView, new CloseInput(), ct);

    [HttpPost("decline")]
    public Task<IActionResult> Decline(int id, int? version, CloseInput input, [FromServices] IValidator<CloseInput> validator, CancellationToken ct) =>
        ValidatedAsync(id, version, DealAction.Decline, CloseView, input, validator, (d, a, now) => d.Decline(a, input.Reason!.Value, input.Comment, now), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpGet("won")]
    public Task<IActionResult> Won(int id, CancellationToken ct) => FormAsync(id, null, DealAction.MarkWon, ConfirmView, new ConfirmInput(), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpPost("won")]
    [ActionName(nameof(Won))]
    public Task<IActionResult> WonPost(int id, int? version, CancellationToken ct) =>
        RunAsync(id, version, DealAction.MarkWon, (d, a, now) => d.MarkWon(a, now), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpGet("lost")]
    public Task<IActionResult> Lost(int id, CancellationToken ct) => FormAsync(id, null, DealAction.MarkLost, CloseView, new CloseInput(), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpPost("lost")]
    public Task<IActionResult> Lost(int id, int? version, CloseInput input, [FromServices] IValidator<CloseInput> validator, CancellationToken ct) =>
        ValidatedAsync(id, version, DealAction.MarkLost, CloseView, input, validator, (d, a, now) => d.MarkLost(a, input.Reason!.Value, input.Comment, now), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpGet("close-as-error")]
    public Task<IActionResult> CloseAsError(int id, CancellationToken ct) => FormAsync(id, null, DealAction.CloseAsError, CloseAsErrorView, new CloseAsErrorInput(), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpPost("close-as-error")]
    public Task<IActionResult> CloseAsError(int id, int? version, CloseAsErrorInput input, [FromServices] IValidator<CloseAsErrorInput> validator, CancellationToken ct) =>
        ValidatedAsync(id, version, DealAction.CloseAsError, CloseAsErrorView, input, validator, (d, a, now) => d.CloseAsError(a, input.Reason!.Value, input.Note, now), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpGet("upgrade")]
    public Task<IActionResult> Upgrade(int id, CancellationToken ct) => FormAsync(id, null, DealAction.UpgradeToCoSell, ConfirmView, new ConfirmInput(), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpPost("upgrade")]
    [ActionName(nameof(Upgrade))]
    public Task<IActionResult> UpgradePost(int id, int? version, CancellationToken ct) =>
        RunAsync(id, version, DealAction.UpgradeToCoSell, (d, a, now) => d.UpgradeToCoSell(a, now, programme.Value.ReviewWindow), ct);

    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpPost("registration/submit")]
    public Task<IActionResult> SubmitRegistration(int id, int? version, CancellationToken ct) =>
        RunAsync(id, version, DealAction.SubmitRegistration, (d, a, now) => d.SubmitRegistration(a, now), ct);

    [Authorize(Policy = Policies.VendorReviewer)]
    [HttpPost("registration/approve")]
    public Task<IActionResult> ApproveRegistration(int id, int? version, CancellationToken ct) =>
        RunAsync(id, version, DealAction.ApproveRegistration, (d, a, now) => d.ApproveRegistration(a, now), ct);

    [Authorize(Policy = Policies.VendorReviewer)]
    [HttpGet("registration/reject")]
    public Task<IActionResult> RejectRegistration(int id, CancellationToken ct) =>
        FormAsync(id, null, DealAction.RejectRegistration, RejectView, new RejectRegistrationInput(), ct);

    [Authorize(Policy = Policies.VendorReviewer)]
    [HttpPost("registration/reject")]
    public Task<IActionResult> RejectRegistration(int id, int? version, RejectRegistrationInput input, [FromServices] IValidator<RejectRegistrationInput> validator, CancellationToken ct) =>
        ValidatedAsync(id, version, DealAction.RejectRegistration, RejectView, input, validator, (d, a, now) => d.RejectRegistration(a, input.Reason!, now), ct);

    /// <summary>The owner's admins and the deal team move an Active deal to a later sales stage or back one.</summary>
    [Authorize(Policy = Policies.PartnerUser)]
    [HttpPost("stage")]
    public Task<IActionResult> MoveStage(int id, int? version, SalesStage? stage, CancellationToken ct) =>
        RunAsync(id, version, DealAction.MoveStage, (d, a, now) => d.MoveStage(a, Chosen(d, DealAction.MoveStage, a, now, stage, "Choose a stage from the list."), now), ct);

    /// <summary>The owner's admins put one of the organisation's active users on the deal team.</summary>
    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpPost("team/add")]
    public async Task<IActionResult> AddTeamMember(int id, int? version, string? userId, [FromServices] DealTeamDirectory directory, CancellationToken ct)
    {
        var person = await PersonAsync(directory, userId, ct);
        return await RunAsync(id, version, DealAction.ManageTeam, (d, a, now) => d.AddTeamMember(a, Chosen(d, DealAction.ManageTeam, a, now, person, ChooseAPerson), now), ct);
    }

    /// <summary>The owner's admins take someone off the deal team (the creator too: the log says so).</summary>
    [Authorize(Policy = Policies.PartnerAdmin)]
    [HttpPost("team/remove")]
    public async Task<IActionResult> RemoveTeamMember(int id, int? version, string? userId, [FromServices] DealTeamDirectory directory, CancellationToken ct)
    {
        var person = await PersonAsync(directory, userId, ct);
        return await RunAsync(id, version, DealAction.ManageTeam, (d, a, now) =>
        {
            var who = Chosen(d, DealAction.ManageTeam, a, now, person, ChooseAPerson);
            d.RemoveTeamMember(a, who.UserId, who.DisplayName, now);
        }, ct);
    }

    private const string ChooseAPerson = "Choose a person from the list.";

    private static Task<TeamCandidate?> PersonAsync(DealTeamDirectory directory, string? userId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(userId) || userId.Length > 450 ? Task.FromResult<TeamCandidate?>(null) : directory.CandidateAsync(userId, ct);

    // The deal and the actor's right to act are checked before what was chosen: a missing choice on someone else's
    // deal is "not found" or "not allowed", never a hint about the form.
    private static T Chosen<T>(Deal deal, DealAction action, Actor actor, DateTime now, T? value, string message)
        where T : class =>
        deal.WhyNot(action, actor, now) is { } why ? throw new NotAllowedException(why) : value ?? throw new DomainException(message);

    private static T Chosen<T>(Deal deal, DealAction action, Actor actor, DateTime now, T? value, string message)
        where T : struct =>
        deal.WhyNot(action, actor, now) is { } why ? throw new NotAllowedException(why) : value ?? throw new DomainException(message);

    private async Task<IActionResult> FormAsync<TInput>(int id, int? version, DealAction action, string view, TInput input, CancellationToken ct)
    {
        var deal = await actionQuery.RunAsync(current.Actor, id, action, ct);
        return deal is null ? NotFound() : View(view, new DealActionPage<TInput>(deal, action, input, version ?? deal.Version));
    }

    private async Task<IActionResult> ValidatedAsync<TInput>(int id, int? version, DealAction action, string view, TInput input, IValidator<TInput> validator, Action<Deal, Actor, DateTime> change, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid || !ModelState.IsValid)
        {
            CopyToModelState(result);
            var form = await FormAsync(id, version, action, view, input, ct);
            if (form is ViewResult page)
            {
                page.StatusCode = StatusCodes.Status400BadRequest;
            }

            return form;
        }

        return await RunAsync(id, version, action, change, ct);
    }

    private async Task<IActionResult> RunAsync(int id, int? version, DealAction action, Action<Deal, Actor, DateTime> change, CancellationToken ct)
    {
        // A version that is not a number is not "no version": never skip the stale-page check on garbage.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        switch (await command.RunAsync(id, version, change, ct))
        {
            case DealCommandOutcome.Done:
                TempData["Flash"] = DealActionTexts.Done(action);
                return Redirect(Url.Deal(id));
            case DealCommandOutcome.Conflict:
                var latest = await pageQuery.RunAsync(current.Actor, id, ct);
                if (latest is null)
                {
                    return NotFound();
                }

                ViewData["Conflict"] = SharedResource.Text(ConflictMessage);

                // The deal page's partials are found relative to its own controller's folder (Features/Deals).
                RouteData.Values["controller"] = "Deals";
                var view = View("~/Features/Deals/Details.cshtml", latest);
                view.StatusCode = StatusCodes.Status409Conflict;
                return view;
            default:
                return NotFound();
        }
    }

    private void CopyToModelState(ValidationResult result) => ModelState.AddFailures(result, "Input");
}
