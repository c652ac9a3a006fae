using System.Globalization;

namespace ReferralPortal.Domain.Common;

/// <summary>
/// A business rule refused the requested change; the message is safe to show to the user. It is kept as a composite
/// format <see cref="Template"/> ("{0} must be at most {1} characters.") with its <see cref="Args"/>, so the web layer
/// can say it in the user's language: the template is the text's resource key, string arguments are the portal's
/// own words (field names) and are translated as well, numbers are formatted for the culture.
/// <see cref="Exception.Message"/> is the English text, formatted invariantly (logs, tests).
/// </summary>
public class DomainException(string template, params object[] args) : Exception(English(template, args))
{
    public string Template { get; } = template;

    public IReadOnlyList<object> Args { get; } = args;

    private static string English(string template, object[] args) =>
        args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
}

/// <summary>The actor may not do this to this deal (wrong organisation, side or role).</summary>
public sealed class NotAllowedException(string template, params object[] args) : DomainException(template, args);
