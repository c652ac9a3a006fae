using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Deals;

[Route("deals")]
public sealed class DealsController(CurrentTenant current, DealPageQuery pageQuery) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var page = await pageQuery.RunAsync(current.Actor, id, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>Stars or unstars a deal for the current user; JSON for the page script, a redirect back otherwise.</summary>
    [HttpPost("{id:int}/favourite")]
    public async Task<IActionResult> Favourite(
        int id,
        FavouriteInput input,
        [FromServices] IValidator<FavouriteInput> validator,
        [FromServices] DealFavouriteCommand command,
        CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return BadRequest();
        }

        if (!await command.SetAsync(current.Actor, id, input.Favourite!.Value, ct))
        {
            return NotFound();
        }

        if (Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Json(new { favourite = input.Favourite.Value });
        }

        return LocalRedirect(LocalUrls.OrDefault(Url, input.ReturnUrl, Url.Deal(id)));
    }

    [HttpPost("{id:int}/notes")]
    public async Task<IActionResult> AddNote(
        int id,
        [Bind(Prefix = nameof(DealPage.NoteInput))] AddNoteInput input,
        [FromServices] IValidator<AddNoteInput> validator,
        [FromServices] DealNoteCommand command,
        CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            ModelState.AddFailures(result, nameof(DealPage.NoteInput));

            var page = await pageQuery.RunAsync(current.Actor, id, ct);
            return page is null ? NotFound() : View(nameof(Details), page with { NoteInput = input });
        }

        if (!await command.AddAsync(current.Actor, id, input, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = SharedResource.Text("Note added.");
        return Redirect(Url.Deal(id) + "#notes");
    }
}
