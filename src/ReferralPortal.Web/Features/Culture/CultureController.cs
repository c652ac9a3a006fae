using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Culture;

/// <summary>
/// The language switcher: stores the choice in the standard culture cookie and goes back (local URLs only).
/// A plain link (GET) on purpose: the choice is a display preference, not data, and a link leaves every
/// page's forms as they were.
/// </summary>
[AllowAnonymous]
[Route("culture")]
public sealed class CultureController : Controller
{
    [HttpGet("{culture}")]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (!LocalizationSetup.IsSupported(culture))
        {
            return BadRequest();
        }

        var chosen = LocalizationSetup.Languages.First(l => string.Equals(l.Culture, culture, StringComparison.OrdinalIgnoreCase)).Culture;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                Path = "/",
            });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
