using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ReferralPortal.Web.Resources;

/// <summary>
/// The one resource set for every user-facing text: SharedResource.resx (English) and
/// SharedResource.pt-PT.resx. The English text is the key, so a missing translation falls back to
/// English. Views get it as <c>T</c> (see _ViewImports); classes take <c>IStringLocalizer&lt;SharedResource&gt;</c>;
/// static label helpers (Format and friends) use <see cref="Text"/>.
/// </summary>
public sealed class SharedResource
{
    private static readonly IStringLocalizer Localizer =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    /// <summary>The text in the current UI culture, for static helpers that cannot take an injected localizer.</summary>
    public static string Text(string english) => Localizer[english];

    /// <summary>A composite format text ("{0} days left") in the current UI culture, filled with the arguments.</summary>
    public static string Text(string english, params object[] args) => Localizer[english, args];
}
