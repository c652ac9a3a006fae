using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Culture;

/// <summary>
/// The language switcher: stores the choice in the standard culture cookie (and, for a signed-in user, on the
/// user) and goes back (local URLs only). A plain link (GET) on purpose: the choice is a display preference,
/// not data, and a link leaves every page's forms as they were. Because a GET can be sent from another site,
/// only a switch the browser marks as coming from the portal itself (<c>Sec-Fetch-Site</c>) is stored on the
/// user; a link from elsewhere changes the language of that browser only.
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
        if (PortalClaims.ToActor(User) is { } actor && !FromAnotherSite(Request))
        {
            await language.RememberAsync(actor.UserId, chosen, ct);
        }

        return LocalRedirect(LocalUrls.OrDefault(Url, returnUrl, Url.Home()));
    }

    // Browsers send Sec-Fetch-Site on every navigation; a client that sends none is not a browser led by another site.
    private static bool FromAnotherSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";
}
