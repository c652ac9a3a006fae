using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Culture;

/// <summary>
/// The language switcher: stores the choice in the standard culture cookie (and, for a signed-in user, on the
/// user) and goes back (local URLs only). A plain link (GET) on purpose: the choice is a display preference,
/// not data, and a link leaves every page's forms as they were.
/// </summary>
[AllowAnonymous]
[Route("culture")]
public sealed class CultureController(UserLanguage language) : Controller
{
    [HttpGet("{culture}")]
    public async Task<IActionResult> Set(string culture, string? returnUrl, CancellationToken ct)
    {
        if (LocalizationSetup.Canonical(culture) is not { } chosen)
        {
            return BadRequest();
        }

        LocalizationSetup.WriteCultureCookie(Response, chosen);
        if (PortalClaims.ToActor(User) is { } actor)
        {
            await language.RememberAsync(actor.UserId, chosen, ct);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
