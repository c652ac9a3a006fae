using Microsoft.AspNetCore.Mvc;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// Where a "go back to" address (returnUrl) may send the browser: only to this site, and written as a URL a
/// response header can carry. <c>Url.IsLocalUrl</c> accepts "/é", but a Location header holding a non-ASCII
/// character makes the server throw (a 500 from a link anyone can send), so the path is percent-encoded here.
/// </summary>
public static class LocalUrls
{
    private static readonly Uri Site = new("http://site.invalid/");

    /// <summary>The local <paramref name="returnUrl"/>, percent-encoded; otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(IUrlHelper url, string? returnUrl, string fallback)
    {
        if (string.IsNullOrEmpty(returnUrl) || !url.IsLocalUrl(returnUrl))
        {
            return fallback;
        }

        // "~/x" is app-relative in LocalRedirect; as a plain path it is "/x".
        var path = returnUrl.StartsWith("~/", StringComparison.Ordinal) ? returnUrl[1..] : returnUrl;
        return Uri.TryCreate(Site, path, out var absolute) && absolute.Host == Site.Host && absolute.Scheme == Site.Scheme
            ? absolute.PathAndQuery + absolute.Fragment
            : fallback;
    }
}
