using System.Globalization;
using Microsoft.AspNetCore.Localization;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>A language the portal speaks: its culture name and its own name for itself.</summary>
public sealed record PortalLanguage(string Culture, string Name);

/// <summary>English (default) and Portuguese (Portugal); the choice lives in the standard culture cookie.</summary>
public static class LocalizationSetup
{
    public const string DefaultCulture = "en";

    /// <summary>Over HTTPS (always, outside Development) the culture cookie is Secure and __Host- prefixed like the auth cookie.</summary>
    public const string SecureCultureCookie = "__Host-rp.culture";

    public static string CultureCookieName(HttpRequest request) => request.IsHttps ? SecureCultureCookie : CookieRequestCultureProvider.DefaultCookieName;

    public static readonly IReadOnlyList<PortalLanguage> Languages =
    [
        new("en", "English"),
        new("pt-PT", "Português"),
    ];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddScoped<Features.Culture.UserLanguage>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Select(l => new CultureInfo(l.Culture)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The user's explicit choice first, then what the browser asks for; no query-string switching.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = SecureCultureCookie },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The MVC part: data annotation messages and display names read the shared resources.</summary>
    public static IMvcBuilder AddPortalViewLocalization(this IMvcBuilder mvc) =>
        mvc.AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>The portal's own spelling of a supported culture ("PT-pt" → "pt-PT"); null for anything else.</summary>
    public static string? Canonical(string? culture) =>
        Languages.FirstOrDefault(l => string.Equals(l.Culture, culture, StringComparison.OrdinalIgnoreCase))?.Culture;

    /// <summary>Stores the language for this browser in the standard culture cookie (read by the request localization).</summary>
    public static void WriteCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CultureCookieName(response.HttpContext.Request),
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
                Path = "/",
            });

    /// <summary>The supported language chosen in this browser's culture cookie, or null when there is no valid choice.</summary>
    public static string? ReadCultureCookie(HttpRequest request) =>
        request.Cookies.TryGetValue(CultureCookieName(request), out var value)
            && CookieRequestCultureProvider.ParseCookieValue(value) is { } parsed
            && parsed.UICultures.Count > 0
                ? Canonical(parsed.UICultures[0].Value)
                : null;

    /// <summary>Runs <paramref name="compose"/> with the given culture as current culture and UI culture, then restores both.</summary>
    public static T InCulture<T>(string culture, Func<T> compose)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
