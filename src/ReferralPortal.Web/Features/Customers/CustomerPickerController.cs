using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Customers;

/// <summary>
/// The customer picker's data (issue 17): the shared customer directory searched as the user types, by country and
/// at least <see cref="MinLength"/> characters of the company name, at most <see cref="CustomerDirectory.MaxMatches"/>
/// matches. Only the people who pick customers may ask — a vendor reviewer (inbound form) or a user the New deal gate
/// lets create deals (wizard) — and a match carries the directory's own fields only, never anything of a deal.
/// Without JavaScript both forms have a Search button that renders the same matches on the server.
/// </summary>
[Route("customers")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CustomerPickerController(CurrentTenant current, CustomerDirectory directory, DealCreationGate gate) : Controller
{
    public const int MinLength = 2;

    [HttpGet("search")]
    public async Task<IActionResult> Search(string? country, string? q, CancellationToken ct)
    {
        var actor = current.Actor;
        if (!actor.IsVendorReviewer && !(await gate.CheckAsync(actor, ct)).Allowed)
        {
            return Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only people who choose customers may search the directory.");
        }

        var code = country?.Trim().ToUpperInvariant();
        var text = q?.Trim();
        if (!Countries.IsKnown(code) || text is null || text.Length < MinLength)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Give a known country and at least two characters of the company name.");
        }

        var matches = await directory.SearchAsync(code!, text, ct);
        return Json(matches.Select(m => new CustomerPick(m.Id, m.Name, m.City, m.Country)));
    }
}

/// <summary>One match of the picker: what the forms show and submit.</summary>
public sealed record CustomerPick(int Id, string Name, string City, string Country);
