using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// The cookie scheme's redirects to the login and access-denied pages, as relative addresses. By default the
/// framework writes an absolute URL from the request's Host header, so a request with a forged Host gets a
/// Location on the forger's site (a poisoned cache or a link in a proxied page then leads there). A relative
/// Location is resolved by the browser against the address it asked for; no configuration can make it wrong.
/// A refused access is also a security event in the log.
/// </summary>
public sealed class SignInRedirects(ILogger<SignInRedirects> log) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != IdentityConstants.ApplicationScheme)
        {
            return;
        }

        options.Events.OnRedirectToLogin = context => RedirectAsync(context, context.Options.LoginPath);
        options.Events.OnRedirectToAccessDenied = context =>
        {
            log.LogWarning("Access denied to {Method} {Path} for {UserId}", context.Request.Method, context.Request.Path.Value, PortalClaims.ToActor(context.HttpContext.User)?.UserId);
            return RedirectAsync(context, context.Options.AccessDeniedPath);
        };
    }

    /// <summary>The framework's own behaviour (401 with a Location for script requests), with the origin taken off.</summary>
    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context, PathString fallback)
    {
        var request = context.Request;
        var origin = $"{request.Scheme}://{request.Host}";
        var location = context.RedirectUri.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase)
            ? context.RedirectUri[origin.Length..]
            : (request.PathBase + fallback).Value!;
        if (string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            context.Response.Headers.Location = location;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(location);
        }

        return Task.CompletedTask;
    }
}
