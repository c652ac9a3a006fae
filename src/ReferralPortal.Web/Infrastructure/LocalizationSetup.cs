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

    public static readonly IReadOnlyList<PortalLanguage> Languages =
    [
        new("en", "English"),
        new("pt-PT", "Português"),
    ];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Select(l => new CultureInfo(l.Culture)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The user's explicit choice first, then what the browser asks for; no query-string switching.
            o.RequestCultureProviders =
            [
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

    public static bool IsSupported(string? culture) =>
        Languages.Any(l => string.Equals(l.Culture, culture, StringComparison.OrdinalIgnoreCase));
}
